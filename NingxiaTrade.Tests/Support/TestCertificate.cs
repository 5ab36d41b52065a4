using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NingxiaTrade.Tests.Support;

/// <summary>A self-signed RSA certificate in a PFX file, as an operator would configure for DataProtection:CertificatePath.</summary>
public static class TestCertificate
{
    public static string WritePfx(string folder, string password)
    {
        Directory.CreateDirectory(folder);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=NingxiaTrade data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, "dataprotection.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
