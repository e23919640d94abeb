// Real broken disks for tests, as root and in CI: mounts in a mount namespace of the test
// process's own, so they are private to it (and to the app it starts) and vanish with it.
//
// enter_private_mount_namespace() as root unshares the mount namespace (CAP_SYS_ADMIN);
// as another user it first enters a user namespace that maps that user to root. Call it
// while the process has one thread (at the start of a test: GoogleTest starts none). A
// test that needs it and gets an error must FAIL with it, never skip: a test that cannot
// run is a finding (scripts/test fails on any skipped test).
#pragma once

#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

namespace nk::test {

namespace detail {
inline bool write_proc(const char* path, const std::string& text) {
    std::FILE* f = std::fopen(path, "w");
    if (!f) return false;
    const bool ok = std::fputs(text.c_str(), f) >= 0;
    return std::fclose(f) == 0 && ok;
}
inline std::string errno_text(const char* what) { return std::string(what) + ": " + std::strerror(errno); }
}  // namespace detail

// "" when this process now has a private mount namespace in which it may mount; otherwise
// why not. Done once per process; later calls return the first result.
inline std::string enter_private_mount_namespace() {
    static const std::string result = [] {
        const uid_t uid = ::geteuid();
        const gid_t gid = ::getegid();
        if (::unshare(uid == 0 ? CLONE_NEWNS : CLONE_NEWUSER | CLONE_NEWNS) != 0)
            return detail::errno_text(uid == 0 ? "unshare(CLONE_NEWNS)" : "unshare(CLONE_NEWUSER | CLONE_NEWNS)");
        if (uid != 0) {
            detail::write_proc("/proc/self/setgroups", "deny");
            if (!detail::write_proc("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1\n") ||
                !detail::write_proc("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1\n"))
                return detail::errno_text("writing uid_map/gid_map");
        }
        // Mounts made from now on must not propagate back to the host.
        if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
            return detail::errno_text("making / private");
        return std::string();
    }();
    return result;
}

// Makes `dir` read-only with a read-only bind mount of itself; "" or why not.
inline std::string bind_read_only(const std::string& dir) {
    if (::mount(dir.c_str(), dir.c_str(), nullptr, MS_BIND, nullptr) != 0) return detail::errno_text("bind mount");
    if (::mount(nullptr, dir.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) != 0) {
        const std::string why = detail::errno_text("read-only remount");
        ::umount2(dir.c_str(), MNT_DETACH);
        return why;
    }
    return {};
}

// Mounts a tmpfs of `size` ("64k") at `dir`; "" or why not.
inline std::string mount_tmpfs(const std::string& dir, const std::string& size) {
    if (::mount("tmpfs", dir.c_str(), "tmpfs", 0, ("size=" + size).c_str()) != 0) return detail::errno_text("tmpfs");
    return {};
}

}  // namespace nk::test
