# Mexican Spanish formats: "28 de septiembre de 2015", "17:00 h", "6,000" (Mexico
# groups thousands with a comma and uses a decimal point).
DATE_FORMAT = r"j \d\e F \d\e Y"
TIME_FORMAT = r"H:i \h"
DATETIME_FORMAT = r"j \d\e F \d\e Y, H:i \h"
SHORT_DATE_FORMAT = "d/m/Y"
MONTH_DAY_FORMAT = r"j \d\e F"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
USE_THOUSAND_SEPARATOR = True
