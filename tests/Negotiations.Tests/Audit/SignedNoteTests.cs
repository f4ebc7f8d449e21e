using NSec.Cryptography;
using Negotiations.Operations.Audit;

namespace Negotiations.Tests.Audit;

/// <summary>C2SP signed notes against the reference implementation's vector (golang.org/x/mod/sumdb/note), and checkpoint bodies.</summary>
public class SignedNoteTests
{
    private const string GoVerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private const string GoSignerKey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private const string GoText = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private const string GoNote = GoText + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    private static Key GoKey() =>
        Key.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(GoSignerKey.Split('+', 5)[^1])[1..], KeyBlobFormat.RawPrivateKey);

    [Fact]
    public void Signing_the_reference_text_with_the_reference_key_gives_the_reference_note()
    {
        using var key = GoKey();
        SignedNote.Sign(GoText, "PeterNeumann", key).ShouldBe(GoNote);
        SignedNote.VerifierKey("PeterNeumann", key.PublicKey.Export(KeyBlobFormat.RawPublicKey)).ShouldBe(GoVerifierKey);
        SignedNote.Verify(GoNote, GoVerifierKey, out var why).ShouldBe(GoText, why);
    }

    [Theory]
    [InlineData("then you don't", "then you do not")]            // the text changed
    [InlineData("x08go", "x09go")]                               // the signature changed
    [InlineData("\u2014 PeterNeumann", "\u2014 PeterNewmann")]   // signed by someone else
    [InlineData("problem is.\n\n", "problem is.\n")]             // not a note
    public void A_changed_note_does_not_verify(string from, string to)
    {
        SignedNote.Verify(GoNote.Replace(from, to), GoVerifierKey, out var why).ShouldBeNull();
        why.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void Another_key_or_a_mangled_key_does_not_verify()
    {
        using var other = Key.Create(SignatureAlgorithm.Ed25519);
        var otherKey = SignedNote.VerifierKey("PeterNeumann", other.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        SignedNote.Verify(GoNote, otherKey, out _).ShouldBeNull();
        SignedNote.Verify(GoNote, GoVerifierKey.Replace("c74f20a3", "c74f20a4"), out var why).ShouldBeNull();
        why!.ShouldContain("verifier key");
    }

    [Fact]
    public void A_checkpoint_body_reads_back_and_refuses_what_is_not_one()
    {
        var root = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var body = new CheckpointBody("example.org/log", 42, root);
        body.Text.ShouldBe("example.org/log\n42\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n");
        var parsed = CheckpointBody.Parse(body.Text)!;
        (parsed.Origin, parsed.TreeSize, Convert.ToBase64String(parsed.RootHash)).ShouldBe((body.Origin, 42L, Convert.ToBase64String(root)));
        CheckpointBody.Parse("example.org/log\n042\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n").ShouldBeNull();
        CheckpointBody.Parse("example.org/log\n42\nAAEC\n").ShouldBeNull();
        CheckpointBody.Parse("example.org/log\n42\n").ShouldBeNull();
    }
}
