// Renders one standalone ImDrawList with the app's OpenGL backend into whatever
// framebuffer is bound: the region `pos` .. `pos + size` of the list's coordinates fills
// the viewport (set by the backend to `size`). Used for the resting-board texture and
// for the photo's strips.
#pragma once

#include <imgui.h>

namespace nk::app {

void render_list(ImDrawList* list, ImVec2 pos, ImVec2 size);

}  // namespace nk::app
