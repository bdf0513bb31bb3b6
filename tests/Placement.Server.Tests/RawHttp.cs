using System.Net.Sockets;
using System.Text;

namespace Placement.Server.Tests;

/// <summary>A raw TCP client on loopback: sends exactly the bytes given, however slowly, and reads what comes back.</summary>
internal sealed class RawHttp : IDisposable
{
    private readonly Socket _socket;
    private int _received;

    private RawHttp(Socket socket) => _socket = socket;

    /// <summary>How many bytes the server has sent so far (while <see cref="ReadUntilClosedAsync"/> reads).</summary>
    public int Received => Volatile.Read(ref _received);

    public static async Task<RawHttp> ConnectAsync(Uri baseAddress)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(baseAddress.Host, baseAddress.Port);
        return new RawHttp(socket);
    }

    /// <summary>Sends text; false when the server has already closed the connection.</summary>
    public async Task<bool> SendAsync(string text)
    {
        try
        {
            await _socket.SendAsync(Encoding.ASCII.GetBytes(text));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>What the server sends until it closes the connection (or resets it), or null when it is still open after <paramref name="wait"/>.</summary>
    public async Task<string?> ReadUntilClosedAsync(TimeSpan wait)
    {
        using var cancel = new CancellationTokenSource(wait);
        var received = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
                if (read == 0) return received.ToString();
                Interlocked.Add(ref _received, read);
                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (SocketException)
        {
            return received.ToString();
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Sends a request without a body and reads its answer's head, leaving the connection open.</summary>
    public async Task<string> RequestAsync(string head)
    {
        await _socket.SendAsync(Encoding.ASCII.GetBytes(head));
        var received = new StringBuilder();
        var buffer = new byte[4096];
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
            if (read == 0) break;
            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return received.ToString();
    }

    public void Dispose() => _socket.Dispose();
}
