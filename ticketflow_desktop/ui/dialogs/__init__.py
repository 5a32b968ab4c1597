"""The app's dialogs: settings, crash report, about."""
