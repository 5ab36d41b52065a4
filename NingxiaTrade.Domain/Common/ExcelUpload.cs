namespace NingxiaTrade.Domain.Common;

/// <summary>Reading an upload with a size limit that holds whatever size the upload declared (step (a) of <see cref="ExcelImport"/>).</summary>
public static class ExcelUpload
{
    /// <summary>Copies at most <paramref name="maxBytes"/> bytes; a longer stream is refused whatever size it declared.</summary>
    public static async Task<MemoryStream> ReadLimitedAsync(Stream content, long maxBytes, Func<DomainException> tooLarge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(tooLarge);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                await buffer.DisposeAsync();
                throw tooLarge();
            }
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return buffer;
    }
}
