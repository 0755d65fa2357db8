using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Rsspot.Cli.Infrastructure;

/// <summary>
/// Stdout and stderr written through their file descriptors, not through <see cref="Console"/>: on Unix the first
/// write to a Console stream initializes the terminal (it switches it to application cursor/keypad mode, which .NET
/// never resets) and a Console stream swallows EPIPE, so a writer whose reader went away would run on for ever.
/// Here a closed stdout surfaces as <see cref="OutputClosedException"/>.
/// </summary>
internal sealed class StandardStreams : IDisposable
{
    private StandardStreams(TextWriter output, TextWriter error)
    {
        Out = output;
        Error = error;
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public static StandardStreams Open()
    {
        if (OperatingSystem.IsWindows())
        {
            return new StandardStreams(Console.Out, Console.Error);
        }

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var output = new StreamWriter(new DescriptorStream(1, stdout: true), encoding, 16 * 1024) { AutoFlush = true };
        var error = new StreamWriter(new DescriptorStream(2, stdout: false), encoding, 4 * 1024) { AutoFlush = true };
        return new StandardStreams(TextWriter.Synchronized(output), TextWriter.Synchronized(error));
    }

    public void Dispose()
    {
        foreach (var writer in new[] { Out, Error })
        {
            try
            {
                writer.Flush();
            }
            catch (Exception ex) when (ex is IOException or OutputClosedException or ObjectDisposedException)
            {
                // Nobody is left to read it.
            }
        }
    }

    /// <summary>A write-only stream on a descriptor this process does not own (never closed here).</summary>
    private sealed class DescriptorStream(int descriptor, bool stdout) : Stream
    {
        private readonly FileStream _inner = new(new SafeFileHandle(descriptor, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        private bool _gone;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_gone)
            {
                Closed();
                return;
            }

            try
            {
                _inner.Write(buffer);
            }
            catch (IOException)
            {
                _gone = true;
                Closed();
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }

        // A closed stdout ends the command (its reader is gone); a closed stderr is only ignored.
        private void Closed()
        {
            if (stdout)
            {
                throw new OutputClosedException();
            }
        }
    }
}
