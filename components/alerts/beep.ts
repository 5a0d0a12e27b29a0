let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (typeof window === "undefined" || typeof AudioContext === "undefined") return null;
  context ??= new AudioContext();
  return context;
}

/** Lets the page make sound later: browsers start audio only after a user gesture, so call it from one. */
export function unlockAudio(): void {
  void audio()?.resume().catch(() => undefined);
}

/** Two short tones (three for a FLASH), made with WebAudio: no sound file needed. */
export function playAlertTone(isFlash: boolean): void {
  const ctx = audio();
  if (!ctx) return;
  void ctx.resume().catch(() => undefined);
  const tones = isFlash ? [988, 1319, 988] : [880, 1175];
  tones.forEach((frequency, i) => {
    const start = ctx.currentTime + i * 0.16;
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = "sine";
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.2, start + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.13);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(start);
    oscillator.stop(start + 0.14);
  });
}
