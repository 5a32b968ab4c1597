#!/bin/sh
# Install the TicketFlow folder for the current user only (no root needed):
#   ~/.local/opt/TicketFlow/                         the application folder (replaced on upgrade)
#   ~/.local/bin/ticketflow                          a link to its executable (GUI and command line)
#   ~/.local/share/applications/ticketflow.desktop   the menu entry
#   ~/.local/share/icons/hicolor/<size>/apps/ticketflow.png (and scalable/apps/ticketflow.svg)
# Run it from the unpacked folder:  ./install.sh      Remove:  ./install.sh --uninstall
# Tickets, settings and logs live elsewhere (see README) and are never touched by this script.
set -eu

data_home=${XDG_DATA_HOME:-$HOME/.local/share}
opt_dir=$HOME/.local/opt/TicketFlow
bin_link=$HOME/.local/bin/ticketflow
desktop_file=$data_home/applications/ticketflow.desktop
icons=$data_home/icons/hicolor

refresh_caches() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data_home/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$opt_dir"
  rm -f "$bin_link" "$desktop_file" "$icons"/*/apps/ticketflow.png "$icons"/scalable/apps/ticketflow.svg
  refresh_caches
  echo "TicketFlow removed (your tickets and settings were kept)."
  exit 0
fi

src=$(cd "$(dirname "$0")" && pwd)
if [ ! -x "$src/TicketFlow" ]; then
  echo "install.sh: run me from the unpacked TicketFlow folder (no TicketFlow executable in $src)" >&2
  exit 1
fi
resources=$src/_internal/ticketflow_desktop/resources

mkdir -p "$(dirname "$opt_dir")" "$(dirname "$bin_link")" "$data_home/applications"
if [ "$src" != "$opt_dir" ]; then
  rm -rf "$opt_dir.new"
  cp -R "$src" "$opt_dir.new"
  rm -rf "$opt_dir"
  mv "$opt_dir.new" "$opt_dir"
fi
ln -sf "$opt_dir/TicketFlow" "$bin_link"

for png in "$resources"/app/ticketflow-*.png; do
  [ -f "$png" ] || continue
  size=${png##*/ticketflow-}
  size=${size%.png}
  mkdir -p "$icons/${size}x${size}/apps"
  cp "$png" "$icons/${size}x${size}/apps/ticketflow.png"
done
if [ -f "$resources/app/ticketflow.svg" ]; then
  mkdir -p "$icons/scalable/apps"
  cp "$resources/app/ticketflow.svg" "$icons/scalable/apps/ticketflow.svg"
fi

# The menu entry names the executable by its full path: ~/.local/bin is not on every PATH.
sed -e "s|^Exec=.*|Exec=\"$opt_dir/TicketFlow\"|" "$resources/linux/ticketflow.desktop" > "$desktop_file"
chmod 644 "$desktop_file"
refresh_caches
echo "TicketFlow installed in $opt_dir; start it from the applications menu or with $bin_link"
