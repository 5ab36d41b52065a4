using System.Net;
using System.Text.Json;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Features.Security;

/// <summary>Request-size limits per endpoint (RequestLimits:*): refused with 413 and Chinese problem details, never read whole.</summary>
public class RequestSizeTests(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    [Fact]
    public async Task Verify_DeclaredLengthOverEndpointLimit_413ChineseProblem()
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(new byte[22 * 1024 * 1024]), "document", "big.pdf" },
            { new StringContent("NXSIG1.a.b"), "signature" },
        };

        var response = await factory.CreateClient().PostAsync("/api/public/signatures/verify", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("请求内容过大", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("21 MB", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Verify_StreamedDocumentOver20MB_413WhileReading()
    {
        // No declared length: the endpoint counts while it hashes and stops at 20 MB.
        using var form = new MultipartFormDataContent
        {
            { new StreamContent(new UnknownLengthStream(20 * 1024 * 1024 + 1)), "document", "big.pdf" },
            { new StringContent("NXSIG1.a.b"), "signature" },
        };

        var response = await factory.CreateClient().PostAsync("/api/public/signatures/verify", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("20 MB", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Form_OverDefaultLimit_413ChinesePage()
    {
        using var body = new ByteArrayContent(new byte[5 * 1024 * 1024]);
        body.Headers.ContentType = new("application/x-www-form-urlencoded");

        var response = await factory.CreateClient().PostAsync("/Account/Login", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("请求内容超过了允许的大小", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Zeros of a given length from a stream that does not say how long it is (sent chunked).</summary>
    private sealed class UnknownLengthStream(long length) : Stream
    {
        private long _left = length;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, _left);
            Array.Clear(buffer, offset, n);
            _left -= n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
