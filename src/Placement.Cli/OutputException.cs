namespace Placement.Cli;

/// <summary>Writing a command's output failed part way (a full disk, a device error): reported with exit code 2, not as a bug.</summary>
internal sealed class OutputException(IOException inner) : IOException(inner.Message, inner);
