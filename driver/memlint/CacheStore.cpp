//===--- CacheStore.cpp - where the result cache keeps its entries --------===//
//
// A directory, or a plain HTTP/1.1 server (nginx with WebDAV PUT, a
// bazel-remote-style cache, anything that stores what is PUT and serves it
// back on GET), both as PREFIX/<first 2 hex digits of the key>/<key>.
//
//===----------------------------------------------------------------------===//

#include "Cache.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#ifndef MEMLINT_VERSION
#define MEMLINT_VERSION "0.0.0"
#endif

namespace memlint {

namespace {

std::string entryPath(llvm::StringRef Key) {
  return (Key.take_front(2) + "/" + Key).str();
}

// --- a directory
// ---------------------------------------------------------------

class DirStore : public CacheStore {
public:
  explicit DirStore(std::string Dir) : Dir(std::move(Dir)) {}

  std::optional<std::string> get(llvm::StringRef Key,
                                 std::string &Warn) override {
    std::string P = Dir + "/" + entryPath(Key);
    auto Buf = llvm::MemoryBuffer::getFile(P, /*IsText=*/false,
                                           /*RequiresNullTerminator=*/false);
    if (Buf)
      return (*Buf)->getBuffer().str();
    if (Buf.getError() != std::errc::no_such_file_or_directory)
      Warn = "cannot read '" + P + "': " + Buf.getError().message();
    return std::nullopt;
  }

  bool put(llvm::StringRef Key, llvm::StringRef Data,
           std::string &Warn) override {
    std::string Sub = Dir + "/" + Key.take_front(2).str();
    if (std::error_code EC = llvm::sys::fs::create_directories(Sub)) {
      Warn = "cannot create '" + Sub + "': " + EC.message();
      return false;
    }
    // Through a temporary file and a rename: a concurrent reader (another
    // job sharing the directory) sees the whole entry or none.
    return writeFileAtomically(Dir + "/" + entryPath(Key), Data, Warn);
  }

private:
  std::string Dir;
};

// --- plain HTTP/1.1
// ------------------------------------------------------------

struct HttpTarget {
  std::string Host, Port, Prefix; // Prefix: "" or "a/b" (no outer slashes)
};

struct HttpResponse {
  int Status = 0;
  std::string Body;
};

// Short timeouts: a cache that does not answer must not slow the run down
// more than a few seconds in all (the store disables itself on the first
// network error).
constexpr int ConnectTimeoutMs = 2000;
constexpr int IoTimeoutSec = 5;

int connectTo(const HttpTarget &T, std::string &Err) {
  addrinfo Hints{};
  Hints.ai_family = AF_UNSPEC;
  Hints.ai_socktype = SOCK_STREAM;
  addrinfo *List = nullptr;
  if (int RC = getaddrinfo(T.Host.c_str(), T.Port.c_str(), &Hints, &List)) {
    Err = "cannot resolve '" + T.Host + "': " + gai_strerror(RC);
    return -1;
  }
  int FD = -1;
  Err = "cannot connect to " + T.Host + ":" + T.Port;
  for (addrinfo *A = List; A && FD < 0; A = A->ai_next) {
    FD = socket(A->ai_family, A->ai_socktype, A->ai_protocol);
    if (FD < 0)
      continue;
    fcntl(FD, F_SETFL, fcntl(FD, F_GETFL) | O_NONBLOCK);
    int RC = connect(FD, A->ai_addr, A->ai_addrlen);
    if (RC != 0 && errno == EINPROGRESS) {
      pollfd P{FD, POLLOUT, 0};
      int SoErr = ETIMEDOUT;
      socklen_t Len = sizeof(SoErr);
      if (poll(&P, 1, ConnectTimeoutMs) == 1)
        getsockopt(FD, SOL_SOCKET, SO_ERROR, &SoErr, &Len);
      RC = SoErr ? -1 : 0;
      errno = SoErr;
    }
    if (RC != 0) {
      Err += std::string(": ") + std::strerror(errno);
      close(FD);
      FD = -1;
    }
  }
  freeaddrinfo(List);
  if (FD >= 0) {
    fcntl(FD, F_SETFL, fcntl(FD, F_GETFL) & ~O_NONBLOCK);
    timeval TV{IoTimeoutSec, 0};
    setsockopt(FD, SOL_SOCKET, SO_RCVTIMEO, &TV, sizeof(TV));
    setsockopt(FD, SOL_SOCKET, SO_SNDTIMEO, &TV, sizeof(TV));
  }
  return FD;
}

bool sendAll(int FD, llvm::StringRef Data, std::string &Err) {
  while (!Data.empty()) {
    ssize_t N = send(FD, Data.data(), Data.size(), MSG_NOSIGNAL);
    if (N <= 0) {
      Err = std::string("cannot send: ") + std::strerror(errno);
      return false;
    }
    Data = Data.drop_front(N);
  }
  return true;
}

// Decodes a chunked body; false when it is cut short.
bool dechunk(llvm::StringRef In, std::string &Out) {
  while (true) {
    auto [SizeLine, Rest] = In.split("\r\n");
    unsigned long long Size = 0;
    if (SizeLine.split(';').first.trim().getAsInteger(16, Size) ||
        Rest.size() < Size)
      return false;
    if (Size == 0)
      return true;
    Out += Rest.take_front(Size).str();
    In = Rest.drop_front(Size);
    if (!In.consume_front("\r\n"))
      return false;
  }
}

// Reads the response: status, then a Content-Length, chunked or
// until-close body.
bool readResponse(int FD, HttpResponse &R, std::string &Err) {
  std::string Raw;
  char Buf[65536];
  size_t HeaderEnd = std::string::npos;
  bool HasLength = false;
  unsigned long long Length = 0;
  while (true) {
    ssize_t N = recv(FD, Buf, sizeof(Buf), 0);
    if (N < 0) {
      Err = std::string("cannot read the response: ") + std::strerror(errno);
      return false;
    }
    Raw.append(Buf, N);
    if (HeaderEnd == std::string::npos &&
        (HeaderEnd = Raw.find("\r\n\r\n")) != std::string::npos) {
      llvm::StringRef Head = llvm::StringRef(Raw).take_front(HeaderEnd);
      llvm::SmallVector<llvm::StringRef, 16> Lines;
      Head.split(Lines, "\r\n");
      llvm::StringRef Code = Lines[0].split(' ').second.take_front(3);
      if (!Lines[0].starts_with("HTTP/1.") || Code.getAsInteger(10, R.Status)) {
        Err = "not an HTTP response";
        return false;
      }
      for (llvm::StringRef L : llvm::ArrayRef(Lines).drop_front()) {
        auto [Name, Value] = L.split(':');
        unsigned long long V = 0;
        if (Name.trim().equals_insensitive("content-length") &&
            !Value.trim().getAsInteger(10, V)) {
          Length = V;
          HasLength = true;
        }
        if (Name.trim().equals_insensitive("transfer-encoding") &&
            Value.trim().equals_insensitive("chunked"))
          HasLength = false;
      }
    }
    if (HeaderEnd != std::string::npos && HasLength &&
        Raw.size() - HeaderEnd - 4 >= Length)
      break;
    if (N == 0)
      break;
  }
  if (HeaderEnd == std::string::npos) {
    Err = "the connection closed before a response";
    return false;
  }
  llvm::StringRef Body = llvm::StringRef(Raw).drop_front(HeaderEnd + 4);
  if (HasLength) {
    R.Body = Body.take_front(Length).str();
    return true;
  }
  llvm::StringRef Head = llvm::StringRef(Raw).take_front(HeaderEnd).lower();
  if (llvm::StringRef(Head).contains("transfer-encoding: chunked") &&
      !dechunk(Body, R.Body)) {
    Err = "a chunked response was cut short";
    return false;
  }
  if (R.Body.empty())
    R.Body = Body.str();
  return true;
}

bool httpRequest(const HttpTarget &T, llvm::StringRef Method,
                 llvm::StringRef Path, llvm::StringRef Body, HttpResponse &R,
                 std::string &Err) {
  int FD = connectTo(T, Err);
  if (FD < 0)
    return false;
  std::string Req = Method.str() + " /" + Path.str() +
                    " HTTP/1.1\r\nHost: " + T.Host + ":" + T.Port +
                    "\r\nUser-Agent: memlint/" MEMLINT_VERSION
                    "\r\nConnection: close\r\n";
  if (Method == "PUT")
    Req += "Content-Type: application/octet-stream\r\nContent-Length: " +
           std::to_string(Body.size()) + "\r\n";
  Req += "\r\n";
  bool Ok = sendAll(FD, Req, Err) && sendAll(FD, Body, Err) &&
            readResponse(FD, R, Err);
  close(FD);
  return Ok;
}

class HttpStore : public CacheStore {
public:
  explicit HttpStore(HttpTarget T) : T(std::move(T)) {}

  std::optional<std::string> get(llvm::StringRef Key,
                                 std::string &Warn) override {
    HttpResponse R;
    if (!request("GET", Key, "", R, Warn))
      return std::nullopt;
    if (R.Status == 200)
      return R.Body;
    if (R.Status != 404)
      Warn = "GET " + url(Key) + ": HTTP " + std::to_string(R.Status);
    return std::nullopt;
  }

  bool put(llvm::StringRef Key, llvm::StringRef Data,
           std::string &Warn) override {
    HttpResponse R;
    if (!request("PUT", Key, Data, R, Warn))
      return false;
    if (R.Status >= 200 && R.Status < 300)
      return true;
    Warn = "PUT " + url(Key) + ": HTTP " + std::to_string(R.Status);
    return false;
  }

private:
  std::string path(llvm::StringRef Key) const {
    return (T.Prefix.empty() ? "" : T.Prefix + "/") + entryPath(Key);
  }
  std::string url(llvm::StringRef Key) const {
    return "http://" + T.Host + ":" + T.Port + "/" + path(Key);
  }
  // After one network error the server is not asked again in this run: a
  // down cache costs one timeout, not one per TU.
  bool request(llvm::StringRef Method, llvm::StringRef Key,
               llvm::StringRef Body, HttpResponse &R, std::string &Warn) {
    if (Down)
      return false;
    std::string Err;
    if (httpRequest(T, Method, path(Key), Body, R, Err))
      return true;
    if (!Down.exchange(true))
      Warn = url(Key) + ": " + Err + "; not using the cache server in this run";
    return false;
  }

  HttpTarget T;
  std::atomic<bool> Down{false};
};

HttpTarget parseHttpUrl(llvm::StringRef Spec) {
  auto Bad = [&](const std::string &Why) {
    return UsageError{"--cache: malformed URL '" + Spec.str() + "': " + Why +
                      " (expected http://HOST:PORT/PREFIX)"};
  };
  llvm::StringRef Rest = Spec.drop_front(strlen("http://"));
  auto [HostPort, Prefix] = Rest.split('/');
  HttpTarget T;
  T.Prefix = Prefix.trim('/').str();
  llvm::StringRef Host = HostPort, Port = "80";
  if (HostPort.starts_with("[")) { // [::1]:8080
    auto [H, P] = HostPort.drop_front().split(']');
    Host = H;
    if (!P.empty() && !P.consume_front(":"))
      throw Bad("junk after the IPv6 address");
    if (!P.empty())
      Port = P;
  } else if (HostPort.contains(':')) {
    std::tie(Host, Port) = HostPort.split(':');
  }
  unsigned PortNo = 0;
  if (Host.empty())
    throw Bad("no host");
  if (Host.find_first_of("@?# ") != llvm::StringRef::npos)
    throw Bad("user names, queries and spaces are not supported");
  if (Port.getAsInteger(10, PortNo) || PortNo == 0 || PortNo > 65535)
    throw Bad("bad port '" + Port.str() + "'");
  T.Host = Host.str();
  T.Port = Port.str();
  return T;
}

} // namespace

std::unique_ptr<CacheStore> openCacheStore(llvm::StringRef Spec) {
  if (Spec.empty())
    throw UsageError{"--cache needs a directory or an http:// URL"};
  if (Spec.starts_with("http://"))
    return std::make_unique<HttpStore>(parseHttpUrl(Spec));
  if (Spec.contains("://"))
    throw UsageError{"--cache: unsupported URL '" + Spec.str() +
                     "' (only plain http://HOST:PORT/PREFIX; put a TLS proxy "
                     "in front of an https cache)"};
  std::string Dir = canonicalPath(Spec);
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
    throw UsageError{"--cache: cannot create the directory '" + Spec.str() +
                     "': " + EC.message()};
  // Find out now rather than warn once per TU.
  llvm::SmallString<256> Probe;
  int FD;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(
          Dir + "/.memlint-probe-%%%%%%", FD, Probe))
    throw UsageError{"--cache: cannot write to the directory '" + Spec.str() +
                     "': " + EC.message()};
  close(FD);
  llvm::sys::fs::remove(Probe);
  return std::make_unique<DirStore>(Dir);
}

} // namespace memlint
