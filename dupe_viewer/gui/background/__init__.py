"""What runs off the GUI thread: the scan worker, the task runner, the regrouper and the image
loader. Each hands plain data back to the GUI thread through queued signals; no widget is
touched here."""
