#include "atomic_file.hpp"

#include <atomic>
#include <cerrno>
#include <system_error>
#include <utility>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nk {

namespace {

constexpr std::string_view kTempSuffix = ".nk-tmp";

std::string describe(int err_no) { return std::error_code(err_no, std::generic_category()).message(); }

// Closes a descriptor on scope exit unless released.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
    int release() { return std::exchange(fd, -1); }
};

WriteResult fsync_dir(const std::string& dir) {
    Fd d{::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (d.fd < 0) return WriteResult::failure(errno, "open directory " + dir);
    if (::fsync(d.fd) != 0) {
        int e = errno;
        // Some file systems cannot fsync a directory; there is nothing more to do there.
        if (e != EINVAL && e != ENOTSUP) return WriteResult::failure(e, "fsync directory " + dir);
    }
    return WriteResult::success();
}

class PosixStorage final : public Storage {
public:
    WriteResult write_atomic(const std::string& path, std::string_view bytes) override {
        const std::string dir = parent_dir(path);
        std::string tmp;
        Fd f;
        for (int attempt = 0; attempt < 100 && f.fd < 0; ++attempt) {
            tmp = make_temp_path(path);
            f.fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
            if (f.fd < 0 && errno != EEXIST) return WriteResult::failure(errno, "create " + tmp);
        }
        if (f.fd < 0) return WriteResult::failure(EEXIST, "create " + tmp);
        auto fail = [&](int e, const std::string& what) {
            if (f.fd >= 0) ::close(f.release());
            ::unlink(tmp.c_str());
            return WriteResult::failure(e, what);
        };
        (void)::fchmod(f.fd, 0644);  // exact mode whatever the umask; harmless if refused
        const char* p = bytes.data();
        std::size_t left = bytes.size();
        while (left > 0) {
            ssize_t n = ::write(f.fd, p, left);
            if (n < 0) {
                if (errno == EINTR) continue;
                return fail(errno, "write " + tmp);
            }
            if (n == 0) return fail(EIO, "write " + tmp);
            p += n;
            left -= static_cast<std::size_t>(n);
        }
        if (::fsync(f.fd) != 0) return fail(errno, "fsync " + tmp);
        if (::close(f.release()) != 0) return fail(errno, "close " + tmp);
        if (::rename(tmp.c_str(), path.c_str()) != 0) return fail(errno, "rename to " + path);
        return fsync_dir(dir);
    }

    std::optional<std::string> read(const std::string& path, std::size_t max_bytes) override {
        Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
        if (f.fd < 0) return std::nullopt;
        std::string out;
        char buf[65536];
        for (;;) {
            ssize_t n = ::read(f.fd, buf, sizeof buf);
            if (n < 0) {
                if (errno == EINTR) continue;
                return std::nullopt;
            }
            if (n == 0) break;
            if (out.size() + static_cast<std::size_t>(n) > max_bytes) return std::nullopt;
            out.append(buf, static_cast<std::size_t>(n));
        }
        return out;
    }

    WriteResult rename(const std::string& from, const std::string& to) override {
        if (::rename(from.c_str(), to.c_str()) != 0) return WriteResult::failure(errno, "rename " + from + " to " + to);
        return WriteResult::success();
    }

    WriteResult sync_dir(const std::string& dir) override { return fsync_dir(dir); }

    std::vector<std::string> list(const std::string& dir) override {
        std::vector<std::string> names;
        DIR* d = ::opendir(dir.c_str());
        if (!d) return names;
        while (dirent* e = ::readdir(d)) {
            std::string_view n = e->d_name;
            if (n != "." && n != "..") names.emplace_back(n);
        }
        ::closedir(d);
        return names;
    }

    bool remove(const std::string& path) override { return ::unlink(path.c_str()) == 0 || errno == ENOENT; }

    WriteResult make_dirs(const std::string& dir) override {
        if (dir.empty()) return WriteResult::failure(ENOENT, "create directory \"\"");
        struct stat st {};
        if (::stat(dir.c_str(), &st) == 0) {
            return S_ISDIR(st.st_mode) ? WriteResult::success() : WriteResult::failure(ENOTDIR, "create directory " + dir);
        }
        const std::string parent = parent_dir(dir);
        if (parent != dir) {
            if (auto r = make_dirs(parent); !r) return r;
        }
        if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) return WriteResult::failure(errno, "create directory " + dir);
        return fsync_dir(parent);  // make the new entry itself durable
    }
};

}  // namespace

WriteResult WriteResult::failure(int err_no, const std::string& what) {
    return WriteResult{false, what + ": " + describe(err_no), err_no};
}

Storage::~Storage() = default;

std::shared_ptr<Storage> real_storage() {
    static const std::shared_ptr<Storage> instance = std::make_shared<PosixStorage>();
    return instance;
}

std::string parent_dir(const std::string& path) {
    std::string p = path;
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    auto slash = p.find_last_of('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    p.resize(slash);
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    return p;
}

std::string make_temp_path(const std::string& target) {
    static std::atomic<std::uint64_t> counter{0};
    auto slash = target.find_last_of('/');
    std::string dir = slash == std::string::npos ? std::string() : target.substr(0, slash + 1);
    std::string base = slash == std::string::npos ? target : target.substr(slash + 1);
    return dir + "." + base + "." + std::to_string(::getpid()) + "." + std::to_string(counter.fetch_add(1)) +
           std::string(kTempSuffix);
}

bool is_temp_file_name(std::string_view name) {
    return name.size() > kTempSuffix.size() + 1 && name.front() == '.' && name.ends_with(kTempSuffix);
}

int cleanup_temp_files(Storage& storage, const std::string& dir) {
    int removed = 0;
    for (const auto& name : storage.list(dir)) {
        if (is_temp_file_name(name) && storage.remove(dir + "/" + name)) ++removed;
    }
    return removed;
}

}  // namespace nk
