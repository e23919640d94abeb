#include "render_list.hpp"

#include <imgui_impl_opengl3.h>

namespace nk::app {

void render_list(ImDrawList* list, ImVec2 pos, ImVec2 size) {
    ImDrawList* lists[] = {list};
    ImDrawData data;
    data.Valid = true;
    data.CmdLists = lists;
    data.CmdListsCount = 1;
    data.TotalVtxCount = list->VtxBuffer.Size;
    data.TotalIdxCount = list->IdxBuffer.Size;
    data.DisplayPos = pos;
    data.DisplaySize = size;
    data.FramebufferScale = ImVec2(1, 1);
    ImGui_ImplOpenGL3_RenderDrawData(&data);
}

}  // namespace nk::app
