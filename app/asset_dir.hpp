// Where the app's read-only files (the texts in lang/*.txt) are, found at run time; no
// path is compiled in, so the same binary works installed, in a build tree or moved.
#pragma once

#include <string>

namespace nk::app {

// The assets directory, looked up once and then remembered:
// 1. $NK_ASSETS_DIR when it is set and not empty (an override; taken as it is);
// 2. <the binary's directory>/../share/netwerkkaart when it holds lang/nl.txt: installed
//    (/usr/bin/netwerkkaart -> /usr/share/netwerkkaart);
// 3. <the binary's directory>/assets when it holds lang/nl.txt: the build tree, where the
//    build links the source's assets/ next to the binary.
// When neither 2 nor 3 holds the texts it prints one line to stderr naming both places
// and returns the installed one: the screen then shows text keys instead of words.
const std::string& asset_dir();

}  // namespace nk::app
