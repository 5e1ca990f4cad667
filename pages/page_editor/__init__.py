"""What Wagtail's page editor is given by the page classes: their form, with the
rule that a page goes live only with a title in every language (rules.py), the
schedule panel, the permission tester that keeps translators to editing, and
the page shown when a preview cannot render. Below the models, which name these
on their classes; it imports none of them."""
