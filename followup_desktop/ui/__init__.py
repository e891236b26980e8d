"""The Qt user interface: main window, areas, dialogs and widgets."""
