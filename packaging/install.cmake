# Installing Netwerkkaart (`cmake --install`) and packaging it as a .deb (`cpack -G DEB`,
# run by scripts/package). Included from the top CMakeLists.txt after the netwerkkaart
# target exists. Sections:
#   1. The build tree's assets next to the binary (how the app finds them: app/asset_dir.hpp)
#   2. Generated files: the icon's PNG sizes, the compressed man page and changelog
#   3. Install rules (FHS / XDG places under CMAKE_INSTALL_PREFIX)
#   4. CPack: the Debian package's control fields
include(GNUInstallDirs)
set(NK_PKG_DIR ${CMAKE_SOURCE_DIR}/packaging)
set(NK_PKG_OUT ${CMAKE_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${NK_PKG_OUT})

# ---- 1. The build tree's assets ----------------------------------------------------------
# The app looks for <its directory>/assets; a link to the source's assets/ keeps texts
# editable without a rebuild. Refreshed on every build (a deleted link comes back).
add_custom_target(nk_assets_link ALL
  COMMAND ${CMAKE_COMMAND} -E create_symlink ${CMAKE_SOURCE_DIR}/assets $<TARGET_FILE_DIR:netwerkkaart>/assets
  VERBATIM)
add_dependencies(netwerkkaart nk_assets_link)

# ---- 2. Generated files ------------------------------------------------------------------
# Debian wants man pages and changelogs compressed, reproducibly (gzip -n: no name, no time).
set(NK_PKG_GENERATED)
foreach(pair "netwerkkaart.1|netwerkkaart.1.gz" "changelog|changelog.Debian.gz")
  string(REPLACE "|" ";" pair "${pair}")
  list(GET pair 0 src)
  list(GET pair 1 out)
  add_custom_command(OUTPUT ${NK_PKG_OUT}/${out}
    COMMAND sh -c "gzip -9 -n -c '${NK_PKG_DIR}/${src}' > '${NK_PKG_OUT}/${out}'"
    DEPENDS ${NK_PKG_DIR}/${src} VERBATIM)
  list(APPEND NK_PKG_GENERATED ${NK_PKG_OUT}/${out})
endforeach()

# The icon is drawn once, as SVG; its PNG sizes are rendered from it by rsvg-convert
# (librsvg2-bin, installed by `scripts/deps --packaging`). Without the tool an ordinary
# build skips them; a package build (NK_PACKAGE=ON, set by scripts/package) requires them.
option(NK_PACKAGE "This build makes the Debian package (requires every packaged file)" OFF)
set(NK_ICON_SIZES 48 64 128 256)
find_program(NK_RSVG_CONVERT rsvg-convert)
if(NK_RSVG_CONVERT)
  foreach(size IN LISTS NK_ICON_SIZES)
    add_custom_command(OUTPUT ${NK_PKG_OUT}/icon-${size}.png
      COMMAND ${NK_RSVG_CONVERT} -w ${size} -h ${size} -o ${NK_PKG_OUT}/icon-${size}.png ${NK_PKG_DIR}/netwerkkaart.svg
      DEPENDS ${NK_PKG_DIR}/netwerkkaart.svg VERBATIM)
    list(APPEND NK_PKG_GENERATED ${NK_PKG_OUT}/icon-${size}.png)
  endforeach()
elseif(NK_PACKAGE)
  message(FATAL_ERROR "rsvg-convert is missing (run scripts/deps --packaging): the package needs the icon's PNG sizes")
else()
  message(STATUS "rsvg-convert not found: `cmake --install` installs the SVG icon only")
endif()
add_custom_target(nk_package_files ALL DEPENDS ${NK_PKG_GENERATED})

# The package's version is the project's; the changelog must have an entry for it.
set(NK_DEB_RELEASE 1)
set(NK_DEB_VERSION ${PROJECT_VERSION}-${NK_DEB_RELEASE})
file(STRINGS ${NK_PKG_DIR}/changelog NK_CHANGELOG_TOP LIMIT_COUNT 1)
if(NOT NK_CHANGELOG_TOP MATCHES "^netwerkkaart \\(${NK_DEB_VERSION}\\) ")
  message(FATAL_ERROR "packaging/changelog starts with '${NK_CHANGELOG_TOP}': "
                      "add an entry for version ${NK_DEB_VERSION} at its top")
endif()

# ---- 3. Install rules --------------------------------------------------------------------
set(NK_SHARE ${CMAKE_INSTALL_DATADIR}/netwerkkaart)
set(NK_DOC ${CMAKE_INSTALL_DATADIR}/doc/netwerkkaart)
install(TARGETS netwerkkaart RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/assets/ DESTINATION ${NK_SHARE})
install(PROGRAMS ${NK_PKG_DIR}/kiosk-session DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/netwerkkaart)
install(FILES ${NK_PKG_DIR}/netwerkkaart.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
# The session entry names the script by its full path under the prefix chosen at
# configure time (CMAKE_INSTALL_PREFIX; /usr for the package), not `cmake --install --prefix`.
set(NK_KIOSK_SESSION ${CMAKE_INSTALL_FULL_LIBEXECDIR}/netwerkkaart/kiosk-session)
configure_file(${NK_PKG_DIR}/netwerkkaart-kiosk.desktop.in ${NK_PKG_OUT}/netwerkkaart-kiosk.desktop @ONLY)
install(FILES ${NK_PKG_OUT}/netwerkkaart-kiosk.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/xsessions)
install(FILES ${NK_PKG_DIR}/netwerkkaart.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
if(NK_RSVG_CONVERT)
  foreach(size IN LISTS NK_ICON_SIZES)
    install(FILES ${NK_PKG_OUT}/icon-${size}.png RENAME netwerkkaart.png
      DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
  endforeach()
endif()
install(FILES ${NK_PKG_OUT}/netwerkkaart.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${NK_PKG_OUT}/changelog.Debian.gz ${NK_PKG_DIR}/copyright DESTINATION ${NK_DOC})
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${NK_DOC})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/ DESTINATION ${NK_DOC}/docs FILES_MATCHING PATTERN "*.md")

# ---- 4. CPack: the .deb ------------------------------------------------------------------
set(NK_PACKAGE_MAINTAINER "Netwerkkaart authors <netwerkkaart@example.org>"
    CACHE STRING "The Maintainer field of the Debian package: 'Name <address>'")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME netwerkkaart)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${NK_PACKAGE_MAINTAINER}")
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${NK_DEB_RELEASE})
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends: the shared libraries the binary links (dpkg-shlibdeps) plus what it opens at
# run time: the fonts (app/fonts.cpp: Noto Sans for text, DejaVu Sans for symbols and as
# the fallback) and Mesa's OpenGL drivers (software rendering when the PC has no other).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-core, fonts-dejavu-core, libgl1-mesa-dri")
# The kiosk session's helpers (blanking off, rotation, touch mapping) and a login screen.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "x11-xserver-utils, xinput")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "lightdm, xinput-calibrator")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "network map of a school team's external partners, for touch screens")
# The synopsis is the summary above; this is the extended description (CPack indents
# it and turns the empty line into the " ." paragraph break).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"Netwerkkaart is a full-screen touch application for a school team's reflection
workshop on how its external partners contribute to collective learning. The
team places its partners as post-its around the school, closer for more
contact, joins them with lines, marks its priority partners with pens, talks
them through with reflection cards and keeps the result as an image, a report
and data files.

Several people can use the touch screen at once. Work is saved continuously
and survives a crash or a power cut. The package includes an optional X
session, Netwerkkaart kiosk, that runs only the application.")
include(CPack)
