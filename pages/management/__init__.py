"""What an operator runs: load the content, back up and restore, export and
import content PO files, check the database, rebuild search, sync roles, run
the scheduler. (Developer tools are in tools/.)"""
