namespace Toolkit.Harness.Results;

/// <summary>The machine a run happened on.</summary>
public sealed record MachineInfo(string Cpu, int Cores, long MemoryBytes, string Os, string DotNet);
