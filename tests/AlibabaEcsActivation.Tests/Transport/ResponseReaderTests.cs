using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AlibabaEcsActivation.Transport;
using Xunit;

namespace AlibabaEcsActivation.Tests.Transport;

public class ResponseReaderTests
{
    // StreamContent over a non-seekable stream: no Content-Length, as with a chunked response.
    private static HttpContent Undeclared(byte[] body) => new StreamContent(new NonSeekableStream(body));

    [Fact]
    public async Task Reads_a_body_without_declared_length_larger_than_the_first_buffer()
    {
        byte[] body = Encoding.ASCII.GetBytes(new string('x', 10_000));

        using ResponseBody read = await ResponseReader.ReadAsync(Undeclared(body), 64 * 1024, CancellationToken.None);

        Assert.False(read.Truncated);
        Assert.Equal(body, read.Span.ToArray());
    }

    [Fact]
    public async Task Body_of_exactly_the_cap_is_read()
    {
        byte[] body = new byte[5000];

        using ResponseBody read = await ResponseReader.ReadAsync(Undeclared(body), 5000, CancellationToken.None);

        Assert.False(read.Truncated);
        Assert.Equal(5000, read.Length);
    }

    [Fact]
    public async Task Body_one_byte_over_the_cap_is_reported_truncated_and_empty()
    {
        using ResponseBody read = await ResponseReader.ReadAsync(Undeclared(new byte[5001]), 5000, CancellationToken.None);

        Assert.True(read.Truncated);
        Assert.Equal(0, read.Length);
    }

    [Fact]
    public async Task Declared_length_over_the_cap_is_refused_without_reading()
    {
        var content = new ByteArrayContent(new byte[100]);

        using ResponseBody read = await ResponseReader.ReadAsync(content, 99, CancellationToken.None);

        Assert.True(read.Truncated);
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
