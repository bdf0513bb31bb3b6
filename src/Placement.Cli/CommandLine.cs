namespace Placement.Cli;

/// <summary>
/// The parsed command line: positional arguments and <c>--name value</c> options. Small on
/// purpose: the tool has few commands, and a hand-written parser keeps it dependency-free.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    private CommandLine()
    {
    }

    public List<string> Positional { get; } = new();

    public bool Help { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Parses <paramref name="args"/>; <paramref name="valued"/> are the options that take a value.</summary>
    public static CommandLine Parse(IEnumerable<string> args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags)
    {
        var line = new CommandLine();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (arg is "-h" or "--help")
            {
                line.Help = true;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var name = arg;
                string? value = null;
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    name = arg[..eq];
                    value = arg[(eq + 1)..];
                }

                if (flags.Contains(name))
                {
                    line._options[name] = value ?? "true";
                }
                else if (valued.Contains(name))
                {
                    if (value is null)
                    {
                        if (!e.MoveNext())
                        {
                            line.Error ??= $"option {name} needs a value";
                            break;
                        }

                        value = e.Current;
                    }

                    line._options[name] = value;
                }
                else
                {
                    line.Error ??= $"unknown option {name}";
                }
            }
            else
            {
                line.Positional.Add(arg);
            }
        }

        return line;
    }

    public string? Option(string name) => _options.TryGetValue(name, out var v) ? v : null;

    public bool Flag(string name) => _options.ContainsKey(name);
}
