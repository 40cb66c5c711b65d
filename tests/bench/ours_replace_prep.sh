#!/bin/bash
# Transcript Editor: Edit > Replace (Ctrl+H) opens the Find and Replace panel under the waveform.
# Types "the" -> "thy" (case-insensitive by default, like the peers) and leaves the pointer on "Replace all"
# (action: click). Coordinates are for the first-run window (1240x800 at the top-left corner, no window manager).
xdotool mousemove --window "$WID" 600 150 click 1
sleep 0.3
xdotool key ctrl+h
sleep 0.8
xdotool mousemove --window "$WID" 500 514 click 1
xdotool key ctrl+a; xdotool type --delay 20 the
sleep 0.5
xdotool mousemove --window "$WID" 500 541 click 1
xdotool key ctrl+a; xdotool type --delay 20 thy
sleep 0.3
xdotool mousemove --window "$WID" 1192 541
