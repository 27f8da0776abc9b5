using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace IntegrationHub.Tests.Notifications;

/// <summary>
/// A mail server for tests on 127.0.0.1: just enough of RFC 5321, without TLS, for MailKit to hand
/// it messages (greeting, EHLO, MAIL FROM, RCPT TO, DATA with dot-termination, RSET, NOOP, QUIT).
/// It keeps each message's envelope recipients and data, and delivers nothing.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    readonly TcpListener listener;
    readonly CancellationTokenSource stopping = new();
    readonly ConcurrentQueue<SinkMessage> messages = new();
    readonly ConcurrentBag<TcpClient> clients = [];
    readonly Task accepting;

    SmtpSink(int port)
    {
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync();
    }

    public int Port { get; }

    public IReadOnlyList<SinkMessage> Messages => [.. messages];

    /// <summary>Listens on the port given, or on a free one.</summary>
    public static SmtpSink Start(int port = 0) => new(port);

    /// <summary>A port nothing listens on now, for a sink started later.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            clients.Add(client);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 sink.test ESMTP test sink");
            string? from = null;
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(stopping.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-sink.test");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 sink.test");
                        break;
                    case "MAIL":
                        from = Address(line);
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        recipients.Add(Address(line));
                        await writer.WriteLineAsync("250 2.1.5 OK");
                        break;
                    case "DATA" when from is not null && recipients.Count > 0:
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(stopping.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith('.') ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        messages.Enqueue(new SinkMessage(from, [.. recipients], data.ToString()));
                        (from, recipients) = (null, []);
                        await writer.WriteLineAsync("250 2.0.0 OK queued");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("503 5.5.1 MAIL and RCPT first");
                        break;
                    case "RSET":
                        (from, recipients) = (null, []);
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The client went away, or the sink is stopping.
        }
    }

    /// <summary>The path of <c>MAIL FROM:&lt;a@b&gt; …</c> or <c>RCPT TO:&lt;a@b&gt;</c>.</summary>
    static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', start + 1);
        return start < 0 || end < 0 ? "" : line[(start + 1)..end];
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        foreach (var client in clients)
        {
            client.Dispose();
        }

        await accepting;
        listener.Dispose();
        stopping.Dispose();
    }
}

/// <summary>One message as the sink received it: the envelope and the data, parsed on demand.</summary>
public sealed record SinkMessage(string From, IReadOnlyList<string> Recipients, string Data)
{
    public MimeMessage Parse() => MimeMessage.Load(new MemoryStream(Encoding.Latin1.GetBytes(Data)));

    /// <summary>The subject and the plain text body, decoded.</summary>
    public string Text
    {
        get
        {
            using var message = Parse();
            return $"{message.Subject}\n{message.TextBody}";
        }
    }
}
