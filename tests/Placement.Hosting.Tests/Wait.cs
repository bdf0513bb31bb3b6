namespace Placement.Hosting.Tests;

internal static class Wait
{
    /// <summary>Polls until <paramref name="done"/> holds, for at most 15 s (file watching is asynchronous); false on time-out.</summary>
    public static async Task<bool> UntilAsync(Func<bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < until)
        {
            if (done()) return true;
            await Task.Delay(25);
        }

        return done();
    }
}
