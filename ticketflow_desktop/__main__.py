import sys

from ticketflow_desktop.cli import main

if __name__ == "__main__":
    # The frozen app is its own Python: a child process it starts (training the local model) comes back
    # here with multiprocessing's arguments, and freeze_support() runs the child's work instead of the app.
    # Imported only there: elsewhere it does nothing, and its imports were some 6 ms of every CLI call.
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
