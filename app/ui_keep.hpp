// Phase 5 — Naverwerking: keep the result (ui_keep.cpp). The export folder (the documents
// folder or a USB stick), the anonymised variant, the photo's size, the export button
// and "save as new version". Ids: keep.export, export.folder.<n>, export.anonymous,
// export.size.screen, export.size.4k, export.size.a3, version.save.
#pragma once

#include <string>
#include <vector>

#include "part.hpp"
#include "photos.hpp"

namespace nk::app {

class Keep {
public:
    // The panel, top right; the export and the size choice go to `photos`. `places`: where
    // exports may go (the documents folder, then each USB stick the media watcher found).
    void draw(const Frame& f, Shell& shell, Photos& photos, const std::vector<std::string>& places);
    // The panel's width as last drawn (0: not yet): the map keeps clear of it.
    float panel_width() const { return panel_w_; }

private:
    std::string export_dir_;
    bool anonymous_ = false;
    float panel_w_ = 0;
};

}  // namespace nk::app
