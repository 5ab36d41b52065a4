using ClosedXML.Excel;

namespace NingxiaTrade.Domain.Common;

/// <summary>What every Excel import does before reading rows: bound the upload's size and open the workbook.</summary>
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

    /// <summary>Opens an .xlsx with at least one worksheet; anything else is refused in Chinese.</summary>
    public static XLWorkbook Open(Stream buffer)
    {
        try
        {
            var workbook = new XLWorkbook(buffer);
            if (!workbook.Worksheets.Any())
            {
                workbook.Dispose();
                throw new InvalidDataException("no worksheet");
            }
            return workbook;
        }
        catch (Exception e) when (e is not OperationCanceledException and not DomainException)
        {
            throw new DomainException("文件已损坏或不是有效的 Excel（.xlsx）文件，无法读取。请用 Excel 或 WPS 另存为 .xlsx 后重试。");
        }
    }
}
