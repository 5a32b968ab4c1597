"""Real mail servers for the tests: Dovecot (IMAP) in a temporary folder, aiosmtpd (SMTP) in-process."""

from __future__ import annotations

import contextlib
import imaplib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from pathlib import Path

USER = "support@example.test"
PASSWORD = "mailbox-secret-123"
DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _ids_of(user: str) -> tuple[int, int]:
    import pwd

    entry = pwd.getpwnam(user)
    return entry.pw_uid, entry.pw_gid


def wait_for_port(port: int, process: subprocess.Popen[bytes] | None = None) -> None:
    for _ in range(300):
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server exited ({process.returncode})")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port}")


@dataclass
class Dovecot:
    folder: Path
    port: int
    process: subprocess.Popen[bytes] | None = None
    run_dir: Path = field(default_factory=Path)
    tls_port: int | None = None  # also imaps:// here, and STARTTLS required on the plain port

    @property
    def certificate(self) -> Path:
        """The self-signed certificate a client must be told to trust (TICKETFLOW_MAIL_CAFILE)."""
        return self.run_dir / "cert.pem"

    @property
    def url(self) -> str:
        return f"imap://{USER.replace('@', '%40')}@127.0.0.1:{self.port}/INBOX"

    def start(self) -> None:
        user = subprocess.run(["id", "-un"], capture_output=True, text=True, check=True).stdout.strip()
        # Dovecot's login processes refuse to run as root: as root, its own unprivileged users.
        internal, login = (user, user) if os.getuid() != 0 else ("dovecot", "dovenull")
        # Unix sockets live here: a short path (108 bytes at most) that the login user can reach.
        self.folder.mkdir(parents=True, exist_ok=True)
        self.run_dir = Path(tempfile.mkdtemp(prefix="tf-dovecot-"))
        self.run_dir.chmod(0o755)
        # The mailbox's owner: us, or as root (which Dovecot never lets own mail) its own user.
        uid, gid = (os.getuid(), os.getgid()) if os.getuid() != 0 else _ids_of("dovecot")
        home = self.run_dir / "home"
        home.mkdir()
        os.chown(home, uid, gid)
        passwd = self.run_dir / "passwd"  # read by Dovecot's auth process (its own user, as root)
        passwd.write_text(f"{USER}:{{PLAIN}}{PASSWORD}:{uid}:{gid}::{home}::\n")
        passwd.chmod(0o644)
        ssl = "ssl = no\ndisable_plaintext_auth = no"
        if self.tls_port is not None:
            subprocess.run(
                [
                    "openssl",
                    "req",
                    "-x509",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-days",
                    "1",
                    "-subj",
                    "/CN=localhost",
                    "-addext",
                    "subjectAltName=DNS:localhost,IP:127.0.0.1",
                    "-keyout",
                    str(self.run_dir / "key.pem"),
                    "-out",
                    str(self.certificate),
                ],
                check=True,
                capture_output=True,
            )
            ssl = f"ssl = required\nssl_cert = <{self.certificate}\nssl_key = <{self.run_dir / 'key.pem'}"
        (self.folder / "dovecot.conf").write_text(
            f"""
base_dir = {self.run_dir}
state_dir = {self.folder}/state
log_path = {self.folder}/dovecot.log
protocols = imap
listen = 127.0.0.1
{ssl}
auth_mechanisms = plain login
default_internal_user = {internal}
default_login_user = {login}
mail_location = maildir:~/Maildir
first_valid_uid = {uid}
first_valid_gid = {gid}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {passwd}
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {passwd}
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {self.tls_port or 0}
  }}
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
}}
"""
        )
        self.process = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(self.folder / "dovecot.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, self.process)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None
            shutil.rmtree(self.run_dir, ignore_errors=True)

    @contextlib.contextmanager
    def client(self) -> Iterator[imaplib.IMAP4]:
        imap = imaplib.IMAP4("127.0.0.1", self.port)
        imap.login(USER, PASSWORD)
        try:
            yield imap
        finally:
            imap.logout()

    def deliver(self, *mails: bytes, folder: str = "INBOX") -> None:
        """Put mails into a folder, as the mail server does on delivery."""
        with self.client() as imap:
            for raw in mails:
                status, data = imap.append(folder, "", None, raw)
                assert status == "OK", data

    def folder_count(self, folder: str) -> int:
        with self.client() as imap:
            status, data = imap.select(folder, readonly=True)
            return int(data[0]) if status == "OK" else 0

    def messages(self, folder: str) -> list[Message]:
        with self.client() as imap:
            if imap.select(folder, readonly=True)[0] != "OK":
                return []
            _, ids = imap.search(None, "ALL")
            found = []
            for number in (ids[0] or b"").split():
                _, data = imap.fetch(number, "(BODY.PEEK[])")
                raw = data[0][1] if data and isinstance(data[0], tuple) else b""
                found.append(message_from_bytes(raw))
            return found


@dataclass
class SmtpInbox:
    """What an aiosmtpd server on a free port received, with a switch to refuse mail (a server away)."""

    port: int
    received: list[Message] = field(default_factory=list)
    controller: object | None = None
    refuse_recipients: str | None = None  # e.g. "550 5.1.1 No such user": the answer to every RCPT
    # Mail for the team address is delivered into this Dovecot, as the team's mail server would.
    team_mailbox: Dovecot | None = None
    recipients: list[list[str]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def start(self) -> None:
        from aiosmtpd.controller import Controller

        inbox = self

        class Handler:
            async def handle_RCPT(
                self, server: object, session: object, envelope: object, address: str, options: list[str]
            ) -> str:
                if inbox.refuse_recipients:
                    return inbox.refuse_recipients
                envelope.rcpt_tos.append(address)  # type: ignore[attr-defined]
                return "250 OK"

            async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
                inbox.received.append(message_from_bytes(envelope.content))  # type: ignore[attr-defined]
                inbox.recipients.append(list(envelope.rcpt_tos))  # type: ignore[attr-defined]
                if inbox.team_mailbox is not None and USER in envelope.rcpt_tos:  # type: ignore[attr-defined]
                    inbox.team_mailbox.deliver(envelope.content)  # type: ignore[attr-defined]
                return "250 OK queued"

        controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        controller.start()
        self.controller = controller

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()  # type: ignore[attr-defined]
            self.controller = None
