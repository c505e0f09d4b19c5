#!/usr/bin/python3
"""What a window manager would do to the app's window, for tests under Xvfb (which has no window manager).

    window.py state TITLE   prints "viewable", "hidden" or "none"
    window.py close TITLE   asks the window to close as a title bar's close button does (WM_DELETE_WINDOW)

Needs python3-xlib (Debian package; .ci/setup installs it)."""
import sys

from Xlib import X, display, protocol


def windows(d, w):
    for child in w.query_tree().children:
        yield child
        yield from windows(d, child)


def find(d, title):
    net_name, utf8 = d.intern_atom("_NET_WM_NAME"), d.intern_atom("UTF8_STRING")
    for w in windows(d, d.screen().root):
        try:
            prop = w.get_full_property(net_name, utf8)
            name = prop.value.decode() if prop else (w.get_wm_name() or "")
        except Exception:  # a window that went away while we looked
            continue
        if name == title:
            yield w


def main():
    cmd, title = sys.argv[1], sys.argv[2]
    d = display.Display()
    found = list(find(d, title))
    if cmd == "state":
        states = [w.get_attributes().map_state for w in found]
        print("none" if not found else "viewable" if X.IsViewable in states else "hidden")
    elif cmd == "close":
        if not found:
            sys.exit(f"no window titled {title!r}")
        protocols, delete = d.intern_atom("WM_PROTOCOLS"), d.intern_atom("WM_DELETE_WINDOW")
        for w in found:
            event = protocol.event.ClientMessage(window=w, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0]))
            w.send_event(event)
        d.flush()
    else:
        sys.exit(__doc__)


main()
