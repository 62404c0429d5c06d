"use client";
import { useEffect, useRef } from "react";

/** A list's filter box; "/" focuses it from anywhere on the page, as in most list views. */
export function FilterInput({
  id,
  label,
  value,
  onChange,
  placeholder,
  className = "w-80",
}: {
  id: string;
  label: string;
  value: string;
  onChange: (q: string) => void;
  placeholder: string;
  className?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "/" && !["INPUT", "TEXTAREA", "SELECT"].includes(document.activeElement?.tagName ?? "")) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      <label className="sr-only" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        ref={input}
        type="search"
        defaultValue={value}
        placeholder={`${placeholder}   ( / )`}
        onChange={(e) => onChange(e.target.value)}
        className={`${className} rounded border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-200`}
      />
    </>
  );
}
