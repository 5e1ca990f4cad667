"""How the communications team works in the admin: the Editors, Moderators and
Translators roles and their workflow, the admin forms' date and slug fields,
and the dashboard panels of drafts and scheduled pages. (What Wagtail asks of
the page classes themselves, their form, panels and permission tester, is in
pages/models/.)"""
