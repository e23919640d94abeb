// netwerkkaart: the network map of a school team's external partners, on a touch screen.
#include <cstdio>

#include "app.hpp"
#include "options.hpp"

int main(int argc, char** argv) {
    auto parsed = nk::app::parse_options(argc, argv);
    if (!parsed.error.empty()) {
        std::fprintf(stderr, "netwerkkaart: %s\n\n%s", parsed.error.c_str(), nk::app::usage().c_str());
        return 2;
    }
    if (parsed.options.help) {
        std::printf("%s", nk::app::usage().c_str());
        return 0;
    }
    nk::app::App app(parsed.options);
    return app.run();
}
