"""The mail channel's protocol side: parsing a mail (pure), reading a mailbox (IMAP), sending (SMTP).

Stdlib only (email, imaplib, smtplib, html.parser): no server of our own and nothing heavy to freeze.
The database side (what was seen, what waits to be sent) is storage/mail_store.py; the loop that
joins both is services/mail.py.
"""
