# Build glue for the app's dependencies, all from Debian 12 packages:
#  - SDL2 (libsdl2-dev) through its CMake config
#  - Dear ImGui 1.86 (libimgui-dev): libimgui.a plus the SDL2 and OpenGL3 backends,
#    compiled here from the sources the package ships, using our glad loader
#  - glad (python3-glad): an OpenGL 3.3 core loader generated into the build tree
#  - stb_image_write (libstb-dev), compiled in one translation unit with zlib
find_package(SDL2 REQUIRED)
find_package(PkgConfig REQUIRED)
find_package(ZLIB REQUIRED)
find_package(OpenGL REQUIRED)
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)

find_program(GLAD_EXECUTABLE glad PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)
set(NK_GLAD_DIR ${CMAKE_BINARY_DIR}/glad)
add_custom_command(
  OUTPUT ${NK_GLAD_DIR}/src/gl.c ${NK_GLAD_DIR}/include/glad/gl.h
  COMMAND ${GLAD_EXECUTABLE} --quiet --reproducible --api gl:core=3.3 --extensions= --out-path ${NK_GLAD_DIR} c
  COMMENT "Generating the OpenGL 3.3 core loader with glad")
add_library(nk_glad STATIC ${NK_GLAD_DIR}/src/gl.c)
target_include_directories(nk_glad SYSTEM PUBLIC ${NK_GLAD_DIR}/include)
target_link_libraries(nk_glad PUBLIC ${CMAKE_DL_LIBS})

set(NK_IMGUI_BACKENDS /usr/share/doc/libimgui-dev/examples/backends)
add_library(nk_imgui_backends STATIC
  ${NK_IMGUI_BACKENDS}/imgui_impl_sdl.cpp
  ${NK_IMGUI_BACKENDS}/imgui_impl_opengl3.cpp)
target_compile_definitions(nk_imgui_backends PUBLIC IMGUI_IMPL_OPENGL_LOADER_CUSTOM)
target_compile_options(nk_imgui_backends PRIVATE -include glad/gl.h -w)
target_include_directories(nk_imgui_backends SYSTEM PUBLIC /usr/include/imgui /usr/include/imgui/backends)
# Our backend objects come before libimgui.a (which carries its own copies).
target_link_libraries(nk_imgui_backends PUBLIC nk_glad SDL2::SDL2 PkgConfig::IMGUI OpenGL::GL)

add_library(nk_stb_write STATIC ${CMAKE_SOURCE_DIR}/third_party/stb_write_impl.c)
target_include_directories(nk_stb_write SYSTEM PRIVATE /usr/include/stb)
target_include_directories(nk_stb_write PUBLIC ${CMAKE_SOURCE_DIR}/third_party)
target_link_libraries(nk_stb_write PUBLIC ZLIB::ZLIB)
