using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Placement.Benchmarks.RecommendBenchmarks).Assembly).Run(args);
