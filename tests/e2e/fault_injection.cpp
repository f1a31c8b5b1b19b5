// A library the e2e tests preload (LD_PRELOAD) into the real anklog binary to
// make chosen system calls behave like a full disk, a stuck network file
// system or a file that never ends, which a test cannot arrange otherwise.
//
//   ANKLOG_FAULTS="CALL:PATTERN:ACTION[;CALL:PATTERN:ACTION...]"
//
// CALL     write, read (read and pread), fsync, rename (renameat too), link (linkat too),
//          new (operator new), flock
// PATTERN  fnmatch(3) pattern for the last component of the file's name: the
//          file behind the descriptor (write, read, fsync, flock), the new
//          name (rename, link; for new, the new name of a rename)
// ACTION   an errno name (ENOSPC, EIO, EPERM, EXDEV, EACCES): the call fails with it;
//          zero: write returns 0 (no progress);
//          block: write waits for a signal, then fails with EINTR;
//          endless: read fills the buffer, whatever the offset, forever;
//          after-rename (new): the first operator new after a rename to a
//          matching name succeeded throws std::bad_alloc, once (out of
//          memory just after a write landed);
//          stop (flock, read): the process stops itself (SIGSTOP) before its
//          first such call, which then goes ahead, so that a test can act
//          at that point and then continue it (SIGCONT).
#include <dlfcn.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <vector>

namespace {

struct Fault {
    std::string call;
    std::string pattern;
    std::string action;
};

const std::vector<Fault>& faults() {
    static const std::vector<Fault> parsed = [] {
        std::vector<Fault> out;
        const char* spec = std::getenv("ANKLOG_FAULTS");
        std::string rest = spec ? spec : "";
        while (!rest.empty()) {
            const auto end = rest.find(';');
            const std::string item = rest.substr(0, end);
            rest = end == std::string::npos ? "" : rest.substr(end + 1);
            const auto first = item.find(':');
            const auto last = item.rfind(':');
            if (first == std::string::npos || first == last) continue;
            out.push_back({item.substr(0, first), item.substr(first + 1, last - first - 1), item.substr(last + 1)});
        }
        return out;
    }();
    return parsed;
}

std::string base_name(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

const Fault* fault_for(const char* call, const std::string& path) {
    const std::string name = base_name(path);
    for (const Fault& fault : faults()) {
        if (fault.call == call && ::fnmatch(fault.pattern.c_str(), name.c_str(), 0) == 0) return &fault;
    }
    return nullptr;
}

const Fault* fault_for_fd(const char* call, int fd) {
    if (faults().empty()) return nullptr;
    char link[64];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    char target[4096];
    const ssize_t n = ::readlink(link, target, sizeof target - 1);
    if (n <= 0) return nullptr;
    return fault_for(call, std::string(target, static_cast<std::size_t>(n)));
}

int errno_named(const std::string& name) {
    if (name == "ENOSPC") return ENOSPC;
    if (name == "EIO") return EIO;
    if (name == "EPERM") return EPERM;
    if (name == "EXDEV") return EXDEV;
    if (name == "EACCES") return EACCES;
    return EIO;
}

template <typename Function>
Function* real(const char* name) {
    return reinterpret_cast<Function*>(::dlsym(RTLD_NEXT, name));
}

// Set by a rename that an "after-rename" fault watches; the next operator new
// outside these hooks throws. (Not inside them: the C library declares its
// calls noexcept, so an exception from a hook would end the program.)
bool fail_next_new = false;
int in_hook = 0;

struct InHook {
    InHook() { ++in_hook; }
    InHook(const InHook&) = delete;
    InHook& operator=(const InHook&) = delete;
    ~InHook() { --in_hook; }
};

void arm_after_rename(const char* to) {
    if (faults().empty()) return;
    const Fault* fault = fault_for("new", to);
    if (fault && fault->action == "after-rename") fail_next_new = true;
}

// For "stop": true the first time, when the process has stopped and been continued.
bool stopped_once(const Fault& fault) {
    static bool stopped = false;
    if (fault.action != "stop" || stopped) return false;
    stopped = true;
    ::raise(SIGSTOP);
    return true;
}

ssize_t fail_with(const Fault& fault) {
    errno = errno_named(fault.action);
    return -1;
}

ssize_t endless(void* buffer, std::size_t size) {
    std::memset(buffer, 'x', size);
    return static_cast<ssize_t>(size);
}

}  // namespace

extern "C" {

ssize_t write(int fd, const void* buffer, std::size_t size) {
    const InHook hook;
    if (const Fault* fault = fault_for_fd("write", fd)) {
        if (fault->action == "zero") return 0;
        if (fault->action == "block") {
            ::pause();  // returns once a signal handler has run
            errno = EINTR;
            return -1;
        }
        return fail_with(*fault);
    }
    return real<ssize_t(int, const void*, std::size_t)>("write")(fd, buffer, size);
}

ssize_t read(int fd, void* buffer, std::size_t size) {
    const InHook hook;
    if (const Fault* fault = fault_for_fd("read", fd); fault && fault->action != "stop") {
        return fault->action == "endless" ? endless(buffer, size) : fail_with(*fault);
    } else if (fault) {
        (void)stopped_once(*fault);
    }
    return real<ssize_t(int, void*, std::size_t)>("read")(fd, buffer, size);
}

ssize_t pread(int fd, void* buffer, std::size_t size, off_t offset) {
    const InHook hook;
    if (const Fault* fault = fault_for_fd("read", fd); fault && fault->action != "stop") {
        return fault->action == "endless" ? endless(buffer, size) : fail_with(*fault);
    } else if (fault) {
        (void)stopped_once(*fault);
    }
    return real<ssize_t(int, void*, std::size_t, off_t)>("pread")(fd, buffer, size, offset);
}

ssize_t pread64(int fd, void* buffer, std::size_t size, off_t offset) { return pread(fd, buffer, size, offset); }

int fsync(int fd) {
    const InHook hook;
    if (const Fault* fault = fault_for_fd("fsync", fd)) return static_cast<int>(fail_with(*fault));
    return real<int(int)>("fsync")(fd);
}

int rename(const char* from, const char* to) {
    const InHook hook;
    if (const Fault* fault = fault_for("rename", to)) return static_cast<int>(fail_with(*fault));
    return real<int(const char*, const char*)>("rename")(from, to);
}

int renameat(int from_dir, const char* from, int to_dir, const char* to) {
    const InHook hook;
    if (const Fault* fault = fault_for("rename", to)) return static_cast<int>(fail_with(*fault));
    const int result = real<int(int, const char*, int, const char*)>("renameat")(from_dir, from, to_dir, to);
    if (result == 0) arm_after_rename(to);
    return result;
}

int flock(int fd, int operation) {
    const InHook hook;
    if (const Fault* fault = fault_for_fd("flock", fd)) (void)stopped_once(*fault);
    return real<int(int, int)>("flock")(fd, operation);
}

int link(const char* from, const char* to) {
    const InHook hook;
    if (const Fault* fault = fault_for("link", to)) return static_cast<int>(fail_with(*fault));
    return real<int(const char*, const char*)>("link")(from, to);
}

int linkat(int from_dir, const char* from, int to_dir, const char* to, int flags) {
    const InHook hook;
    if (const Fault* fault = fault_for("link", to)) return static_cast<int>(fail_with(*fault));
    return real<int(int, const char*, int, const char*, int)>("linkat")(from_dir, from, to_dir, to, flags);
}

}  // extern "C"

// Replaces the program's operator new (anklog calls it through the dynamic
// linker, as the C++ runtime does), passing on to the next one.
void* operator new(std::size_t size) {
    if (fail_next_new && in_hook == 0) {
        fail_next_new = false;
        throw std::bad_alloc();
    }
    static auto* next = real<void*(std::size_t)>("_Znwm");
    return next(size);
}
