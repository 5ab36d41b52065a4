using System.Security.Cryptography;
using System.Text;
using ClosedXML.Excel;
using NingxiaTrade.Domain.Bidding;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.MarketEntities;

namespace NingxiaTrade.Tests.Domain.Bidding;

/// <summary>
/// The cryptography of sealed bids (issue 11, item 4): chunked SM4-GCM that round-trips and refuses any change, the two
/// key wraps (password, escrow SM2), the receipt signed by the platform, and the file inspector (type by content, size,
/// author/company metadata).
/// </summary>
public sealed class BidCryptoTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(16);

    private static async Task<(byte[] Cipher, SealedFileDigest Digest)> SealAsync(byte[] plain, Guid fileId, int chunk = 1024)
    {
        using var cipher = new MemoryStream();
        var digest = await BidFileCipher.SealAsync(new MemoryStream(plain), cipher, Key, fileId, chunkSize: chunk);
        return (cipher.ToArray(), digest);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1023)]
    [InlineData(1024)]
    [InlineData(4096)]
    [InlineData(5000)]
    public async Task Seal_ThenOpen_RoundTripsWithBothDigests(int length)
    {
        var plain = RandomNumberGenerator.GetBytes(length);
        var id = Guid.NewGuid();

        var (cipher, digest) = await SealAsync(plain, id);
        using var output = new MemoryStream();
        var (sm3, opened) = await BidFileCipher.OpenAsync(new MemoryStream(cipher), output, Key, id);

        Assert.Equal(plain, output.ToArray());
        Assert.Equal((SealCrypto.Sm3Hex(plain), (long)length, SealCrypto.Sm3Hex(cipher), (long)cipher.Length),
            (digest.PlainSm3, digest.PlainLength, digest.CipherSm3, digest.CipherLength));
        Assert.Equal((digest.PlainSm3, (long)length), (sm3, opened));
    }

    [Fact]
    public async Task Seal_CiphertextHoldsNoPlaintext()
    {
        var plain = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("投标报价人民币壹仟万元整 MARKER-7731 ", 200)));

        var (cipher, _) = await SealAsync(plain, Guid.NewGuid());

        Assert.Equal(-1, cipher.AsSpan().IndexOf("MARKER-7731"u8));
    }

    [Fact]
    public async Task Open_ChangedByte_Refused()
    {
        var id = Guid.NewGuid();
        var (cipher, _) = await SealAsync(RandomNumberGenerator.GetBytes(3000), id);
        cipher[BidFileCipher.HeaderLength + 1500] ^= 1;

        await Assert.ThrowsAsync<BidFileCorruptException>(() => BidFileCipher.OpenAsync(new MemoryStream(cipher), Stream.Null, Key, id));
    }

    [Fact]
    public async Task Open_TruncatedAtAChunkBoundary_Refused()
    {
        var id = Guid.NewGuid();
        var (cipher, _) = await SealAsync(RandomNumberGenerator.GetBytes(3000), id);
        var cut = cipher[..(BidFileCipher.HeaderLength + 2 * (1024 + BidFileCipher.TagLength))];

        await Assert.ThrowsAsync<BidFileCorruptException>(() => BidFileCipher.OpenAsync(new MemoryStream(cut), Stream.Null, Key, id));
    }

    [Fact]
    public async Task Open_UnderAnotherFileOrKey_Refused()
    {
        var (cipher, _) = await SealAsync(RandomNumberGenerator.GetBytes(3000), Guid.NewGuid());

        await Assert.ThrowsAsync<BidFileCorruptException>(() => BidFileCipher.OpenAsync(new MemoryStream(cipher), Stream.Null, Key, Guid.NewGuid()));
    }

    [Fact]
    public void PasswordWrap_RightPasswordOnly()
    {
        var bid = Guid.NewGuid();
        var wrap = BidKeyWrap.WrapWithPassword(Key, "Toubiao2026", bid, 1000);

        Assert.Equal(Key, BidKeyWrap.UnwrapWithPassword(wrap, "Toubiao2026", bid));
        Assert.Null(BidKeyWrap.UnwrapWithPassword(wrap, "Toubiao2027", bid));
        Assert.Null(BidKeyWrap.UnwrapWithPassword(wrap, "Toubiao2026", Guid.NewGuid()));
        Assert.Equal(-1, wrap.Wrapped.AsSpan().IndexOf(Key));
    }

    [Theory]
    [InlineData("short1")]
    [InlineData("onlyletters")]
    [InlineData("1234567890")]
    public void PasswordRule_WeakPassword_Refused(string password)
    {
        var ex = Assert.Throws<DomainException>(() => BidKeyWrap.CheckPasswordRule(password));
        Assert.Equal("投标文件解密口令应为8至64个字符，且同时包含字母和数字。", ex.Message);
    }

    [Fact]
    public void EscrowWrap_OpensWithTheEscrowPrivateKeyOnly()
    {
        var escrow = EscrowKey.Create("escrow-passphrase-for-tests", new SealKdf(256, 1, 1));
        var wrapped = BidKeyWrap.WrapForEscrow(Key, escrow.PublicKey);
        var other = SealCrypto.GenerateKeyPair();

        Assert.Equal(Key, BidKeyWrap.UnwrapFromEscrow(wrapped, escrow.OpenPrivateKey()));
        Assert.Null(BidKeyWrap.UnwrapFromEscrow(wrapped, other.PrivateKey));
    }

    [Fact]
    public void EscrowKey_SavedFile_HoldsNoPrivateKeyAndWrongPassphraseRefused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nxt-escrow-{Guid.NewGuid():N}.json");
        try
        {
            var key = EscrowKey.Create("escrow-passphrase-for-tests", new SealKdf(256, 1, 1));
            key.Save(path);
            var privateKey = key.OpenPrivateKey();

            var text = File.ReadAllText(path);
            Assert.DoesNotContain(Convert.ToHexString(privateKey), text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Convert.ToBase64String(privateKey), text);
            Assert.Equal(privateKey, EscrowKey.Load(path, "escrow-passphrase-for-tests").OpenPrivateKey());
            var ex = Assert.Throws<DomainException>(() => EscrowKey.Load(path, "wrong-passphrase-entirely").OpenPrivateKey());
            Assert.Equal("托管密钥口令不正确，不能进行托管解密。", ex.Message);
            Assert.Throws<DomainException>(() => EscrowKey.Load(path, null).OpenPrivateKey());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Receipt_SignedByThePlatform_VerifiesAndRefusesChanges()
    {
        var keys = PlatformKeyRing.CreateNew();
        var receipt = new BidReceipt(Guid.NewGuid(), "YC-2026-0001", "某工程", 1, "第一标段", "宁夏甲建设工程有限公司", "91640100MA76X0001A",
            new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc), [new ReceiptFile("投标文件.pdf", 1234, new string('a', 64))], "");

        var token = BidReceipt.Issue(receipt, keys);
        var verified = BidReceipt.Verify(token, keys);

        Assert.NotNull(verified);
        Assert.Equal(("宁夏甲建设工程有限公司", 1234L), (verified.Bidder, verified.Files[0].CipherSize));
        var parts = token.Split('.');
        var forged = $"{parts[0]}.{parts[1][..^2]}AA.{parts[2]}";
        Assert.Null(BidReceipt.Verify(forged, keys));
        Assert.Null(BidReceipt.Verify(token, PlatformKeyRing.CreateNew()));
        Assert.Null(BidReceipt.Verify("NXRCT1.garbage", keys));
    }

    [Fact]
    public void Inspector_DocxWithProperties_ReadsAuthorCompanyLastModifiedBy()
    {
        var bytes = Xlsx("张三", "宁夏甲建设工程有限公司", "李四");
        var inspector = new BidFileInspector("报价清单.xlsx", 10 * 1024 * 1024);

        foreach (var chunk in bytes.Chunk(700))
        {
            inspector.Inspect(chunk);
        }

        Assert.Equal(new BidFileMetadata("张三", "宁夏甲建设工程有限公司", "李四"), inspector.Metadata());
    }

    [Fact]
    public void Inspector_PdfInfo_ReadsAuthorAcrossChunks()
    {
        var pdf = Encoding.Latin1.GetBytes("%PDF-1.7\n" + new string(' ', 1000) + "1 0 obj << /Author (Wang Wu) /Company <FEFF5B81590F> >> endobj\n%%EOF");
        var inspector = new BidFileInspector("技术标.pdf", 1024 * 1024);

        foreach (var chunk in pdf.Chunk(1020))
        {
            inspector.Inspect(chunk);
        }

        Assert.Equal(new BidFileMetadata("Wang Wu", "宁夏", null), inspector.Metadata());
    }

    [Theory]
    [InlineData("投标文件.exe", "投标文件只能是 .pdf、.docx、.xlsx、.ofd、.zip 文件。")]
    [InlineData("投标文件.docx", "文件内容不是有效的 .docx 文件（按文件内容而非扩展名判断）。")]
    public void Inspector_WrongType_Refused(string name, string message)
    {
        var ex = Assert.Throws<DomainException>(() => new BidFileInspector(name, 1024).Inspect("%PDF-1.7 ..."u8.ToArray()));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Inspector_OverTheLimit_Refused()
    {
        var inspector = new BidFileInspector("a.pdf", 2 * 1024 * 1024);
        inspector.Inspect("%PDF"u8.ToArray().Concat(new byte[1024 * 1024]).ToArray());

        var ex = Assert.Throws<DomainException>(() => inspector.Inspect(new byte[1024 * 1024]));

        Assert.Equal("投标文件超过 2 MB，请压缩或拆分后上传。", ex.Message);
    }

    internal static byte[] Xlsx(string author, string company, string lastModifiedBy)
    {
        using var workbook = new XLWorkbook();
        workbook.AddWorksheet("报价").Cell(1, 1).Value = "分部分项工程量清单";
        workbook.Properties.Author = author;
        workbook.Properties.Company = company;
        workbook.Properties.LastModifiedBy = lastModifiedBy;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
