//! Files Spotter writes for the trainer and hands to other programs: where an export may
//! go and how it is written (`target`), which files the desktop may open (`document`), and
//! what a spreadsheet must not run (`formula`); the native dialogs' kinds, start folders and
//! remembered folders (`dialog`), and the paths the trainer chose in them (`chosen`).

pub mod chosen;
pub mod dialog;
pub mod document;
pub mod formula;
pub mod target;
