import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { apiBase } from '../services/api';
import './cover.css';

/** Upload URLs from the API are paths; the weapp needs the API host in front. */
export function absoluteUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  return /^https?:\/\//.test(url) ? url : `${apiBase()}${url}`;
}

/** A square product image, lazy-loaded, with a grey placeholder showing the title's first character. */
export function Cover(props: { url?: string | null; title: string; className?: string; dim?: boolean }) {
  const [loaded, setLoaded] = useState(false);
  const src = absoluteUrl(props.url);
  return (
    <View className={`cover ${props.dim ? 'cover--dim' : ''} ${props.className ?? ''}`}>
      {!loaded && <Text className="cover__ph">{props.title.slice(0, 1)}</Text>}
      {src && (
        <Image className="cover__img" src={src} mode="aspectFill" lazyLoad onLoad={() => setLoaded(true)} />
      )}
    </View>
  );
}
