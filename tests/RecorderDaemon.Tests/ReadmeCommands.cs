using System.Text;

namespace RecorderDaemon.Tests;

/// <summary>The busctl commands of README.md (each a line starting with <c>busctl --user</c>), for tests that run them as written.</summary>
internal static class ReadmeCommands
{
    public const string ScreenSection = "### Recording the screen";

    /// <summary>The commands under the heading <paramref name="heading"/>, up to the next heading.</summary>
    public static List<string> In(string heading) => [.. Sections().Where(line => line.Heading == heading).Select(line => line.Command)];

    /// <summary>The commands everywhere but under <paramref name="heading"/>.</summary>
    public static List<string> Outside(string heading) => [.. Sections().Where(line => line.Heading != heading).Select(line => line.Command)];

    /// <summary>The words after <c>busctl --user</c>, split as a POSIX shell would (only single quotes are used).</summary>
    public static string[] Arguments(string command)
    {
        const string prefix = "busctl --user ";
        Assert.That(command, Does.StartWith(prefix));
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var inWord = false;
        foreach (var c in command[prefix.Length..])
        {
            if (c == '\'')
            {
                quoted = !quoted;
                inWord = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return [.. words];
    }

    private static IEnumerable<(string Heading, string Command)> Sections()
    {
        var heading = "";
        foreach (var line in File.ReadAllLines(Path.Combine(ChildProcess.RepositoryRoot, "README.md")))
        {
            if (line.StartsWith("##", StringComparison.Ordinal))
            {
                heading = line;
            }
            else if (line.StartsWith("busctl --user ", StringComparison.Ordinal))
            {
                yield return (heading, line);
            }
        }
    }
}
