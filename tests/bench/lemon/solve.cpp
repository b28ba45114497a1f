// Optional: solves a DIMACS min-cost-flow file (tests/bench/export-dimacs.ts) with LEMON's
// NetworkSimplex, to compare with the matching on the same network. The bench never needs it.
//   apt-get install -y liblemon-dev
//   g++ -O3 -o /tmp/lemon-solve tests/bench/lemon/solve.cpp
//   /tmp/lemon-solve county.dimacs      → {"nodes":…,"arcs":…,"parseSeconds":…,"solveSeconds":…,"cost":…}
#include <lemon/dimacs.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>
#include <chrono>
#include <cstdio>
#include <fstream>

int main(int argc, char** argv) {
  using namespace lemon;
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s network.dimacs\n", argv[0]);
    return 2;
  }
  using Clock = std::chrono::steady_clock;
  auto started = Clock::now();
  SmartDigraph g;
  SmartDigraph::ArcMap<long long> lower(g), capacity(g), cost(g);
  SmartDigraph::NodeMap<long long> supply(g);
  std::ifstream in(argv[1]);
  readDimacsMin(in, g, lower, capacity, cost, supply);
  auto parsed = Clock::now();
  NetworkSimplex<SmartDigraph, long long, long long> simplex(g);
  simplex.lowerMap(lower).upperMap(capacity).costMap(cost).supplyMap(supply);
  auto status = simplex.run();
  auto solved = Clock::now();
  if (status != NetworkSimplex<SmartDigraph, long long, long long>::OPTIMAL) {
    std::fprintf(stderr, "not optimal (status %d)\n", int(status));
    return 1;
  }
  std::chrono::duration<double> parse = parsed - started, solve = solved - parsed;
  std::printf("{\"nodes\":%d,\"arcs\":%d,\"parseSeconds\":%.3f,\"solveSeconds\":%.3f,\"cost\":%lld}\n", countNodes(g),
              countArcs(g), parse.count(), solve.count(), simplex.totalCost<long long>());
  return 0;
}
