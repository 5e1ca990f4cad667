"""How the communications team works in the admin: the Editors, Moderators and
Translators roles and their workflow, the admin forms' date and slug fields,
and the dashboard panels of drafts and scheduled pages. (What the page classes
hand Wagtail's editor, their form with the Spanish-title rule, schedule panel and
permission tester, is pages/page_editor/, below the models that name it.)"""
