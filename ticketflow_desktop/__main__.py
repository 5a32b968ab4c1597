import sys

from ticketflow_desktop.cli import main

sys.exit(main())
