using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Rules;

/// <summary>Reading an uploaded file with a size limit that holds whatever size the upload declared.</summary>
internal static class Uploads
{
    public static async Task<MemoryStream> ReadLimitedAsync(Stream content, long? declaredLength, long maxBytes, CancellationToken cancellationToken)
    {
        if (declaredLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                await buffer.DisposeAsync();
                throw TooLarge(maxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return buffer;
    }

    private static DomainException TooLarge(long maxBytes) => new($"文件超过 {maxBytes / 1024 / 1024} MB，无法上传。");
}
