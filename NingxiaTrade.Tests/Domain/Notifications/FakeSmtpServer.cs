using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NingxiaTrade.Tests.Domain.Notifications;

/// <summary>
/// A tiny SMTP server on a loopback port speaking enough of RFC 5321 for MailKit (EHLO, AUTH PLAIN/LOGIN, MAIL,
/// RCPT, DATA, RSET, NOOP, QUIT). It keeps what it received and can refuse the next transactions or logins.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FakeSmtpServer()
    {
        _listener.Start();
        _loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Delivered messages: envelope recipient and raw content.</summary>
    public List<(string To, string Data)> Received { get; } = [];

    /// <summary>How many coming MAIL commands are answered with a temporary failure (451).</summary>
    public int FailNextTransactions { get; set; }

    /// <summary>When set, every login is refused (535).</summary>
    public bool RefuseLogin { get; set; }

    /// <summary>The base64 credentials of the logins seen (what a client sent, for checking it authenticated).</summary>
    public List<string> Logins { get; } = [];

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 fake.smtp ESMTP ready");
        string? to = null;
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Split(' ')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-fake.smtp");
                        await writer.WriteLineAsync("250-AUTH PLAIN LOGIN");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 fake.smtp");
                        break;
                    case "AUTH":
                        var parts = line.Split(' ');
                        var credentials = parts.Length > 2 ? parts[2] : await ReadLoginAsync(reader, writer);
                        Logins.Add(credentials);
                        await writer.WriteLineAsync(RefuseLogin ? "535 5.7.8 Authentication credentials invalid" : "235 2.7.0 Authentication successful");
                        break;
                    case "MAIL":
                        if (FailNextTransactions > 0)
                        {
                            FailNextTransactions--;
                            await writer.WriteLineAsync("451 4.3.0 Mail server temporarily unavailable");
                        }
                        else
                        {
                            await writer.WriteLineAsync("250 2.1.0 OK");
                        }
                        break;
                    case "RCPT":
                        to = line[(line.IndexOf('<') + 1)..line.IndexOf('>')];
                        await writer.WriteLineAsync("250 2.1.5 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        {
                            data.AppendLine(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine);
                        }
                        lock (Received)
                        {
                            Received.Add((to ?? "", data.ToString()));
                        }
                        await writer.WriteLineAsync("250 2.0.0 Queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 OK"); // RSET, NOOP
                        break;
                }
            }
        }
        catch (IOException)
        {
            // the client went away
        }
    }

    private static async Task<string> ReadLoginAsync(StreamReader reader, StreamWriter writer)
    {
        await writer.WriteLineAsync("334 VXNlcm5hbWU6");
        var user = await reader.ReadLineAsync();
        await writer.WriteLineAsync("334 UGFzc3dvcmQ6");
        var password = await reader.ReadLineAsync();
        return user + ":" + password;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
