/**
 * A short two-note chime made with the Web Audio API (no audio file to download). One
 * AudioContext per page, made on first use; a browser that has not seen a click yet keeps it
 * suspended, and the chime is then silent, which is what the trader would expect.
 *
 * @example
 * const chime = createChime();
 * chime.play();
 */
export function createChime() {
  let context: AudioContext | undefined;
  return {
    play(): void {
      context ??= new AudioContext();
      const start = context.currentTime;
      for (const [offset, frequency] of [
        [0, 880],
        [0.09, 1320],
      ] as const) {
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        oscillator.type = "sine";
        oscillator.frequency.value = frequency;
        // A quick attack and a short fade, so the tone never clicks.
        gain.gain.setValueAtTime(0.0001, start + offset);
        gain.gain.exponentialRampToValueAtTime(0.15, start + offset + 0.01);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.16);
        oscillator.connect(gain).connect(context.destination);
        oscillator.start(start + offset);
        oscillator.stop(start + offset + 0.17);
      }
    },
  };
}
