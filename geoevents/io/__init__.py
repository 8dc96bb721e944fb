"""Files in and out: articles (:mod:`.articles`) and event files (:mod:`.events`)."""
