// A request handler written the way the first version of a service often
// is: strings taken by value, std::string temporaries built from literals,
// std::map<std::string, ...> looked up with literals, substr copies that are
// only read, responses built with `s = s + x`, containers built afresh per
// request and never reserved, copies where the source dies right after.
// bench/service/run.py applies `memlint check --fix` to a copy of it and
// compares the two builds. Reads one request per line:
//   METHOD TARGET|header: value|...|body
// and prints a checksum of the responses.
#include <cctype>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

struct Request {
  std::string Method;
  std::string Path;
  std::string Query;
  std::vector<std::pair<std::string, std::string>> Headers;
  std::string Body;
};

struct Response {
  int Status = 200;
  std::string ContentType;
  std::string Body;
};

// One timing record per handler stage, all freed when the request is done.
struct Span {
  Span(const char *Name, unsigned long Start) : Name(Name), Start(Start) {}
  const char *Name;
  unsigned long Start;
};

static bool startsWith(const std::string &S, const std::string &Prefix) {
  return S.compare(0, Prefix.size(), Prefix) == 0;
}

static std::string lower(std::string S) {
  for (char &C : S)
    C = static_cast<char>(std::tolower(static_cast<unsigned char>(C)));
  return S;
}

static std::vector<std::string> split(std::string Text, char Sep) {
  std::vector<std::string> Out;
  std::string Cur;
  for (char C : Text) {
    if (C == Sep) {
      Out.push_back(Cur);
      Cur.clear();
    } else {
      Cur += C;
    }
  }
  Out.push_back(Cur);
  return Out;
}

static Request parse(const std::string &Line) {
  std::vector<std::string> Parts = split(Line, '|');
  std::vector<std::string> First = split(Parts[0], ' ');
  Request R;
  std::string Method = First[0];
  R.Method = Method;
  std::string Target = First[1];
  std::size_t Q = Target.find('?');
  if (Q != std::string::npos) {
    R.Path = Target.substr(0, Q);
    R.Query = Target.substr(Q + 1);
  } else {
    R.Path = Target;
  }
  for (std::size_t I = 1; I + 1 < Parts.size(); ++I) {
    std::string H = Parts[I];
    std::size_t Colon = H.find(':');
    std::string Name = lower(H.substr(0, Colon));
    std::string Value = H.substr(Colon + 2);
    R.Headers.push_back(std::make_pair(Name, Value));
  }
  R.Body = Parts.back();
  return R;
}

static std::map<std::string, std::string> parseQuery(std::string Query) {
  std::map<std::string, std::string> Params;
  for (std::string Pair : split(Query, '&')) {
    std::size_t Eq = Pair.find('=');
    if (Eq == std::string::npos)
      continue;
    Params[Pair.substr(0, Eq)] = Pair.substr(Eq + 1);
  }
  return Params;
}

static std::string header(const Request &R, const std::string &Name) {
  for (auto H : R.Headers)
    if (H.first == Name)
      return H.second;
  return "";
}

static std::string param(const std::map<std::string, std::string> &Params,
                         const std::string &Name) {
  auto It = Params.find(Name);
  return It == Params.end() ? std::string() : It->second;
}

static std::string renderUser(const std::map<std::string, std::string> &Params,
                              std::string Id) {
  std::string Out = "{";
  Out = Out + "\"id\":\"" + Id + "\"";
  std::vector<std::string> Fields = split(param(Params, "fields"), ',');
  for (const std::string &F : Fields) {
    std::string Entry;
    Entry = Entry + ",\"" + F + "\":\"" + F + "-of-user-" + Id + "\"";
    Out = Out + Entry;
  }
  Out += "}";
  return Out;
}

static std::string renderList(int Count, const std::string &Prefix) {
  std::vector<std::string> Items;
  for (int I = 0; I < Count; ++I) {
    std::string Item = Prefix;
    Item += std::to_string(I);
    Items.push_back(Item);
  }
  std::string Out = "[";
  for (std::string Item : Items) {
    if (Out.size() > 1)
      Out = Out + ",";
    Out = Out + "\"" + Item + "\"";
  }
  return Out + "]";
}

static int routeOf(const std::map<std::string, int> &Routes,
                   const std::string &Path) {
  if (Path.substr(0, 8) != "/api/v1/")
    return 0;
  std::string Rest = Path.substr(8);
  std::string Resource = Rest.substr(0, Rest.find('/'));
  auto It = Routes.find(Resource);
  return It == Routes.end() ? 0 : It->second;
}

static Response handle(const std::map<std::string, int> &Routes,
                       const Request &R) {
  std::vector<std::unique_ptr<Span>> Spans;
  for (std::size_t I = 0; I < R.Headers.size(); ++I)
    Spans.push_back(std::make_unique<Span>(R.Headers[I].first.c_str(), I * 10));
  Response Resp;
  std::string Type = "application/json; charset=utf-8";
  Resp.ContentType = Type;
  std::string Token = header(R, "authorization");
  if (!startsWith(Token, "Bearer ")) {
    Resp.Status = 401;
    Resp.Body = "{\"error\":\"unauthorized\"}";
    return Resp;
  }
  std::map<std::string, std::string> Params = parseQuery(R.Query);
  int Route = routeOf(Routes, R.Path);
  std::string Id = R.Path.substr(R.Path.rfind('/') + 1);
  if (Route == 1) {
    Resp.Body = renderUser(Params, Id);
  } else if (Route == 2) {
    std::string Limit = param(Params, "limit");
    Resp.Body = renderList(Limit.empty() ? 3 : std::stoi(Limit), "order-");
  } else {
    Resp.Status = 404;
    Resp.Body = "{\"error\":\"not found\",\"path\":\"" + R.Path + "\"}";
  }
  std::vector<int> Codes;
  Codes.push_back(Resp.Status);
  Codes.push_back(Route);
  for (int C : Codes)
    Resp.Status += C * 0;
  unsigned long Total = 0;
  for (const auto &S : Spans)
    Total += S->Start + static_cast<unsigned long>(S->Name[0]);
  if (Total == 0)
    Resp.Status = 500;
  return Resp;
}

static std::string serialize(const Response &Resp) {
  std::string S = "HTTP/1.1 " + std::to_string(Resp.Status) + "\r\n";
  S = S + "server: memlint-service/1" + "\r\n";
  S = S + "content-type: " + Resp.ContentType + "\r\n";
  S = S + "content-length: " + std::to_string(Resp.Body.size()) + "\r\n\r\n";
  S = S + Resp.Body;
  return S;
}

static unsigned long hashOf(const std::string &S) {
  unsigned long H = 1469598103934665603ul;
  for (char C : S)
    H = (H ^ static_cast<unsigned char>(C)) * 1099511628211ul;
  return H;
}

int main(int Argc, char **Argv) {
  if (Argc < 2) {
    std::fprintf(stderr, "usage: service REQUESTS [ROUNDS]\n");
    return 2;
  }
  std::ifstream In(Argv[1]);
  std::vector<std::string> Lines;
  for (std::string Line; std::getline(In, Line);)
    Lines.push_back(Line);
  int Rounds = Argc > 2 ? std::atoi(Argv[2]) : 1;
  std::map<std::string, int> Routes;
  Routes["users"] = 1;
  Routes["orders"] = 2;
  unsigned long Sum = 0, Bytes = 0;
  for (int Round = 0; Round < Rounds; ++Round) {
    for (const std::string &Line : Lines) {
      Request R = parse(Line);
      Response Resp = handle(Routes, R);
      std::string Wire = serialize(Resp);
      std::vector<std::string> Log;
      Log.push_back(R.Method);
      Log.push_back(R.Path);
      Log.push_back(std::to_string(Resp.Status));
      Sum = Sum * 31 + hashOf(Wire) + Log.size();
      Bytes += Wire.size();
    }
  }
  std::printf("%zu requests x %d, %lu bytes, checksum %016lx\n", Lines.size(),
              Rounds, Bytes, Sum);
  return 0;
}
