using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.MarketEntities;

/// <summary>Settings of the electronic seal (<c>MarketEntities:Seal</c>).</summary>
public sealed class SealSettings
{
    /// <summary>Argon2id memory per PIN derivation, KiB (64 MiB).</summary>
    public int Argon2MemoryKib { get; set; } = 64 * 1024;

    /// <summary>Argon2id passes over the memory.</summary>
    public int Argon2Iterations { get; set; } = 3;

    /// <summary>Argon2id lanes.</summary>
    public int Argon2Parallelism { get; set; } = 1;

    public SealKdf Kdf => new(Argon2MemoryKib, Argon2Iterations, Argon2Parallelism);
}

/// <summary>
/// What protects a seal's private key besides the PIN: the Argon2id cost for new and re-wrapped seals and the
/// platform's wrap keys (held in the key file, never in the database).
/// </summary>
public sealed class SealProtection(SealSettings settings, PlatformKeyRing platformKeys)
{
    public SealKdf Kdf { get; } = settings.Kdf;

    public PlatformKeyRing PlatformKeys => platformKeys;

    /// <summary>The same platform keys with another KDF cost (demo seals nobody will open).</summary>
    public SealProtection WithKdf(SealKdf kdf) =>
        new(new SealSettings { Argon2MemoryKib = kdf.MemoryKib, Argon2Iterations = kdf.Iterations, Argon2Parallelism = kdf.Parallelism }, platformKeys);
}
