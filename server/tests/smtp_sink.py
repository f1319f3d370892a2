"""SMTP server for the test suite (aiosmtpd): stores each accepted message as DIR/<n>.eml.

Recipients starting with "reject" get 550 (permanent), "busy" get 451 (transient).
Usage: python3 smtp_sink.py PORT DIR   (prints "ready", runs until stdin closes)
       python3 smtp_sink.py PORT DIR --until-parent-exits   (for a server script that execs the server)
"""
import itertools
import os
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.counter = itertools.count()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("reject"):
            return "550 5.1.1 No such user here"
        if address.startswith("busy"):
            return "451 4.3.0 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        path = os.path.join(self.folder, f"{next(self.counter)}.eml")
        with open(path, "wb") as out:
            out.write(envelope.original_content or envelope.content)
        return "250 Message accepted for delivery"


if __name__ == "__main__":
    port, folder = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        if "--until-parent-exits" in sys.argv:
            import time
            parent = os.getppid()
            while os.getppid() == parent:
                time.sleep(0.5)
        else:
            sys.stdin.read()
    finally:
        controller.stop()
